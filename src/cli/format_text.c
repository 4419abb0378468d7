/*
 * format_text.c: the human report, laid out as gcc and clang do:
 *
 *   pm.md:12:13: warning: "human error" ... [blame/human-error]
 *      12 | Root cause: human error during the deploy.
 *         |             ^~~~~~~~~~~
 *
 * The excerpt is printed so that the carets line up on a terminal: tabs
 * are kept in both lines, wide (CJK, emoji) characters take two cells,
 * and bytes that are not valid UTF-8 or are control characters print as
 * U+FFFD rather than reaching the terminal raw.
 */
#include <string.h>

#include "../engine/text.h"
#include "format.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_DIM "\033[2m"

static const char *
sev_color(bl_severity s)
{
    return s == BL_SEV_ERROR ? C_RED : s == BL_SEV_WARNING ? C_MAGENTA
                                                          : C_CYAN;
}

/* Terminal cells a code point takes: 0 for combining marks, 2 for East
 * Asian wide characters and emoji, 1 otherwise. */
static int
cell_width(uint32_t cp)
{
    if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200D
        || (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

#define EXCERPT_MAX 400       /* bytes of a line shown whole */
#define EXCERPT_CONTEXT 120   /* bytes shown either side of a span */

/* Prints the source line [b, e) and, below it, carets under [mb, me). */
static void
excerpt(cli_out *o, const char *src, size_t b, size_t e, size_t mb,
        size_t me, size_t line)
{
    FILE *fp = o->fp;
    size_t i, cl;
    int w, clipped_left = 0, clipped_right = 0;
    char gutter[32];

    if (mb < b)
        mb = b;
    if (me > e)
        me = e;
    if (me <= mb)
        me = mb;
    /* A very long line (minified text, a pasted log) is shown as a window
     * around the span, so each finding costs its own few lines of output
     * rather than the whole line again. */
    if (e - b > EXCERPT_MAX) {
        size_t wb = mb > b + EXCERPT_CONTEXT ? mb - EXCERPT_CONTEXT : b;
        size_t we = me + EXCERPT_CONTEXT < e ? me + EXCERPT_CONTEXT : e;
        while (wb > b && ((unsigned char)src[wb] & 0xC0) == 0x80)
            wb--;
        while (we < e && ((unsigned char)src[we] & 0xC0) == 0x80)
            we++;
        if (we - mb > EXCERPT_MAX) {
            /* A span longer than the window: show its start, and mark
             * the rest of the window as part of it. */
            we = mb + EXCERPT_MAX;
            while (we < e && ((unsigned char)src[we] & 0xC0) == 0x80)
                we++;
        }
        if (me > we)
            me = we;
        clipped_left = wb > b;
        clipped_right = we < e;
        b = wb;
        e = we;
    }
    snprintf(gutter, sizeof gutter, "%zu", line);
    fprintf(fp, " %5s | %s", gutter, clipped_left ? "..." : "");
    for (i = b; i < e; i += cl) {
        uint32_t cp = bl_utf8_decode(src, e, i, &cl);
        if (cp == '\t')
            fputc('\t', fp);
        else if ((cp < 0x20 || cp == 0x7F) || (cp == 0xFFFD && cl == 1))
            fputs("\xEF\xBF\xBD", fp);
        else
            fwrite(src + i, 1, cl, fp);
    }
    fprintf(fp, "%s\n %5s | %s%s", clipped_right ? "..." : "", "",
            clipped_left ? "   " : "", o->color ? C_GREEN : "");
    for (i = b; i < e && i < me; i += cl) {
        uint32_t cp = bl_utf8_decode(src, e, i, &cl);
        int cells = cp == '\t' ? 1 : cell_width(cp);
        if (i < mb) {
            /* Pad with what the line has, so tabs stay tabs. */
            if (cp == '\t')
                fputc('\t', fp);
            else
                fprintf(fp, "%*s", cells, "");
            continue;
        }
        for (w = 0; w < cells; w++)
            fputc(i == mb && w == 0 ? '^' : '~', fp);
    }
    if (me == mb)
        fputc('^', fp);     /* an empty span: point at its place */
    fprintf(fp, "%s\n", o->color ? C_RESET : "");
}

void
cli_text_file(cli_out *o, const char *path, const bl_doc *doc,
              const bl_diags *diags)
{
    size_t i, len;
    const char *src = bl_doc_source(doc, &len);
    bl_pos_cache cache = {0, {0, 0}, BL_ENC_CODEPOINT, 0};

    for (i = 0; i < diags->n; i++) {
        const bl_diag *d = &diags->items[i];
        size_t l, c, lb, le;
        cli_line_col(doc, &cache, d->begin, &l, &c);
        if (o->color)
            fprintf(o->fp, C_BOLD "%s:%zu:%zu:" C_RESET " %s%s:" C_RESET
                    " %s " C_DIM "[%s]" C_RESET "\n", path, l, c,
                    sev_color(d->severity), bl_severity_name(d->severity),
                    d->message, d->rule->id);
        else
            fprintf(o->fp, "%s:%zu:%zu: %s: %s [%s]\n", path, l, c,
                    bl_severity_name(d->severity), d->message, d->rule->id);
        if (o->quiet)
            continue;
        bl_doc_line_span(doc, l - 1, &lb, &le);
        if (l == 1 && le - lb >= 3 && memcmp(src + lb, "\xEF\xBB\xBF", 3) == 0)
            lb += 3;    /* the BOM is no column */
        excerpt(o, src, lb, le, d->begin, d->end, l);
        if (d->fix != NULL) {
            fprintf(o->fp, " %5s | %sfix:%s ", "", o->color ? C_GREEN : "",
                    o->color ? C_RESET : "");
            if (d->fix_begin != d->begin || d->fix_end != d->end) {
                size_t fl, fc;
                bl_pos_cache at = {0, {0, 0}, BL_ENC_CODEPOINT, 0};
                const char *f = d->fix + strspn(d->fix, "\r\n");
                cli_line_col(doc, &at, d->fix_begin, &fl, &fc);
                fprintf(o->fp, "%s \"%.*s\" at line %zu\n",
                        d->fix_end > d->fix_begin ? "replace with" : "insert",
                        (int)strcspn(f, "\r\n"), f, fl);
            } else if (d->fix[0] == '\0')
                fputs("remove it\n", o->fp);
            else
                fprintf(o->fp, "replace with \"%s\"\n", d->fix);
        }
    }
}

void
cli_text_end(cli_out *o, const cli_summary *sum)
{
    size_t total = sum->errors + sum->warnings + sum->infos;

    if (o->quiet)
        return;
    if (total == 0) {
        fprintf(o->fp, "No findings in %zu file%s.\n",
                sum->files, sum->files == 1 ? "" : "s");
        return;
    }
    fprintf(o->fp, "%zu finding%s (%zu error%s, %zu warning%s, %zu info) in "
            "%zu file%s.\n", total, total == 1 ? "" : "s", sum->errors,
            sum->errors == 1 ? "" : "s", sum->warnings,
            sum->warnings == 1 ? "" : "s", sum->infos, sum->files,
            sum->files == 1 ? "" : "s");
}
