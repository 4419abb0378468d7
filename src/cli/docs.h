/*
 * docs.h: where the rule reference is, for links from the language
 * server's diagnostics and the SARIF report's rules.
 */
#ifndef CLI_DOCS_H
#define CLI_DOCS_H

/* The README that documents every rule under an anchor "rule-FAMILY-NAME",
 * as a URI without the anchor: $BLAMELINT_DOCS_URL when set (a team's own
 * copy, say on its Git host), else the copy `make install` put in
 * PREFIX/share/doc/blamelint/ beside PREFIX/bin/blamelint, as a file: URI.
 * Newly allocated; NULL when there is none (a link to nothing helps no
 * one). */
char *cli_docs_uri(void);

#endif
