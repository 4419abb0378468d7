/*
 * format_json.c: the JSON report.  Its shape is a contract other tools
 * parse (README.md, "JSON report"): keep it stable.
 */
#include <string.h>

#include "../engine/text.h"
#include "format.h"

/* Bytes written as they are inside a JSON string: printable ASCII but
 * the quote and the backslash.  A table, as every byte of every message
 * is looked up. */
static const unsigned char is_plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};

/* Writes s as a JSON string.  Invalid UTF-8 becomes U+FFFD so the report
 * is always valid JSON, whatever bytes the document held. */
static void
json_string(FILE *fp, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, cl;

    fputc('"', fp);
    while (i < n) {
        unsigned char c = u[i];
        uint32_t cp;
        size_t run = i;
        /* Plain ASCII goes out in one write. */
        while (run < n && is_plain[u[run]])
            run++;
        if (run > i) {
            fwrite(s + i, 1, run - i, fp);
            i = run;
            continue;
        }
        cp = bl_utf8_decode(s, n, i, &cl);
        if (c == '"' || c == '\\') {
            fputc('\\', fp);
            fputc(c, fp);
        } else if (c == '\n')
            fputs("\\n", fp);
        else if (c == '\t')
            fputs("\\t", fp);
        else if (c == '\r')
            fputs("\\r", fp);
        else if (c < 0x20 || c == 0x7F)
            fprintf(fp, "\\u%04x", c);
        else if (cp == 0xFFFD && cl == 1)
            fputs("\xEF\xBF\xBD", fp);
        else
            fwrite(s + i, 1, cl, fp);
        i += cl;
    }
    fputc('"', fp);
}

/* Appends the constant s to buf at o; returns the new end. */
static size_t
put_str(char *buf, size_t o, const char *s)
{
    size_t n = strlen(s);

    memcpy(buf + o, s, n);
    return o + n;
}

/* Appends v in decimal, as %zu would, to buf at o; returns the new end.
 * A finding's fields are written with this rather than fprintf, which
 * costs more than the rest of the report. */
static size_t
put_size(char *buf, size_t o, size_t v)
{
    char digits[3 * sizeof v];
    size_t n = 0;

    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    while (n > 0)
        buf[o++] = digits[--n];
    return o;
}

void
cli_json_cstring(FILE *fp, const char *s)
{
    json_string(fp, s, strlen(s));
}

void
cli_json_begin(cli_out *o)
{
    fputs("{\"version\":1,\"files\":[", o->fp);
}

void
cli_json_file(cli_out *o, const char *path, const bl_doc *doc,
              const bl_diags *diags)
{
    size_t i;
    /* Findings come sorted by begin; ends follow their own order. */
    bl_pos_cache at_begin = {0, {0, 0}, BL_ENC_CODEPOINT, 0};
    bl_pos_cache at_end = at_begin;

    if (o->emitted++ > 0)
        fputc(',', o->fp);
    fputs("{\"path\":", o->fp);
    cli_json_cstring(o->fp, path);
    fputs(",\"diagnostics\":[", o->fp);
    for (i = 0; i < diags->n; i++) {
        const bl_diag *d = &diags->items[i];
        size_t l, c, el, ec, len;
        /* a severity name and four numbers of 20 digits at most */
        char buf[192];
        cli_line_col(doc, &at_begin, d->begin, &l, &c);
        cli_line_col(doc, &at_end, d->end, &el, &ec);
        if (i > 0)
            fputc(',', o->fp);
        fputs("{\"rule\":", o->fp);
        cli_json_cstring(o->fp, d->rule->id);
        /* ,"severity":"S","line":L,"column":C,"endLine":EL,
         * "endColumn":EC,"message": */
        len = put_str(buf, 0, ",\"severity\":\"");
        len = put_str(buf, len, bl_severity_name(d->severity));
        len = put_str(buf, len, "\",\"line\":");
        len = put_size(buf, len, l);
        len = put_str(buf, len, ",\"column\":");
        len = put_size(buf, len, c);
        len = put_str(buf, len, ",\"endLine\":");
        len = put_size(buf, len, el);
        len = put_str(buf, len, ",\"endColumn\":");
        len = put_size(buf, len, ec);
        len = put_str(buf, len, ",\"message\":");
        fwrite(buf, 1, len, o->fp);
        cli_json_cstring(o->fp, d->message);
        if (d->fix != NULL) {
            fputs(",\"fix\":{\"replacement\":", o->fp);
            cli_json_cstring(o->fp, d->fix);
            /* A fix that edits elsewhere (a missing section inserted
             * further down) says where; one for the finding's own span
             * keeps the original shape. */
            if (d->fix_begin != d->begin || d->fix_end != d->end) {
                bl_pos_cache fc = {0, {0, 0}, BL_ENC_CODEPOINT, 0};
                size_t fl, fcol, fel, fec;
                cli_line_col(doc, &fc, d->fix_begin, &fl, &fcol);
                cli_line_col(doc, &fc, d->fix_end, &fel, &fec);
                fprintf(o->fp, ",\"line\":%zu,\"column\":%zu,"
                        "\"endLine\":%zu,\"endColumn\":%zu", fl, fcol, fel,
                        fec);
            }
            fputc('}', o->fp);
        }
        fputc('}', o->fp);
    }
    fputs("]}", o->fp);
}

void
cli_json_end(cli_out *o, const cli_summary *sum)
{
    fprintf(o->fp, "],\"summary\":{\"files\":%zu,\"errors\":%zu,"
            "\"warnings\":%zu,\"info\":%zu}}\n",
            sum->files, sum->errors, sum->warnings, sum->infos);
}
