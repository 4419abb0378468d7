/*
 * docs.h: where the rule reference is, for links from the language
 * server's diagnostics and the SARIF report's rules.
 */
#ifndef CLI_DOCS_H
#define CLI_DOCS_H

#include "../engine/vec.h"

/* The README that documents every rule under an anchor "rule-FAMILY-NAME",
 * as a URI without the anchor: $BLAMELINT_DOCS_URL when set (a team's own
 * copy, say on its Git host), else the copy `make install` put in
 * PREFIX/share/doc/blamelint/ beside PREFIX/bin/blamelint, as a file: URI.
 * Newly allocated; NULL when there is none (a link to nothing helps no
 * one). */
char *cli_docs_uri(void);

/* Appends path (absolute) as a file: URI, escaping every byte but
 * letters, digits and "-._~/" (RFC 3986).  0 or -1. */
int cli_add_file_uri(bl_strbuf *sb, const char *path);

#endif
