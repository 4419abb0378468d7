/*
 * format.h: report formatters.  Each is a {name, begin, file, end} entry
 * in format.c; the check command calls begin once, file
 * for every checked file (clean ones too) and end with the totals.
 */
#ifndef CLI_FORMAT_H
#define CLI_FORMAT_H

#include <stdio.h>

#include "../blamelint.h"

typedef struct cli_summary {
    size_t files, errors, warnings, infos;
} cli_summary;

typedef struct cli_out {
    FILE *fp;
    int color;      /* ANSI colours on */
    int quiet;      /* text: findings only, no excerpt or summary */
    size_t emitted; /* files written so far (JSON needs the commas) */
    int fail_on;    /* --fail-on: what fails a JUnit test case */
} cli_out;

typedef struct cli_format {
    const char *name;
    void (*begin)(cli_out *o);
    void (*file)(cli_out *o, const char *path, const bl_doc *doc,
                 const bl_diags *diags);
    void (*end)(cli_out *o, const cli_summary *sum);
} cli_format;

const cli_format *cli_format_find(const char *name);

/* 1-based line and code-point column of a byte offset, as every CLI
 * format reports them.  cache (zeroed per file) makes a file's increasing
 * offsets cost one pass over a long line, not one each. */
void cli_line_col(const bl_doc *doc, bl_pos_cache *cache, size_t offset,
                  size_t *p_line, size_t *p_col);

/* format_text.c, format_json.c */
void cli_text_file(cli_out *o, const char *path, const bl_doc *doc,
                   const bl_diags *diags);
void cli_text_end(cli_out *o, const cli_summary *sum);
void cli_json_begin(cli_out *o);
void cli_json_file(cli_out *o, const char *path, const bl_doc *doc,
                   const bl_diags *diags);
void cli_json_end(cli_out *o, const cli_summary *sum);

/* s as a JSON string, always valid UTF-8 (format_json.c). */
void cli_json_cstring(FILE *fp, const char *s);

/* s[0..n) as XML text or attribute value, always well-formed
 * (format_ci.c). */
void cli_xml_text(FILE *fp, const char *s, size_t n);

/* format_ci.c, format_sarif.c */
extern const cli_format cli_format_github, cli_format_checkstyle,
    cli_format_junit, cli_format_sarif;

#endif
