/*
 * new.h: `blamelint new`, and the document templates it prints.
 *
 * The templates are the Markdown files of rules/templates/, embedded into
 * the binary at build time by src/tools/embed.c: adding a template is
 * adding a file.
 */
#ifndef CLI_NEW_H
#define CLI_NEW_H

#include <stddef.h>

/* A template: its name (the file name without ".md") and its text. */
typedef struct cli_template {
    const char *name;
    const char *text;
    size_t len;
} cli_template;

/* Sorted by name; generated into build/templates_embedded.c. */
extern const cli_template cli_templates[];
extern const size_t cli_templates_count;

/* The command: argv[0] is "new".  Returns the exit status. */
int cli_cmd_new(int argc, char **argv);

#endif
