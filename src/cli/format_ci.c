/*
 * format_ci.c: the reports CI systems read: GitHub workflow commands,
 * Checkstyle XML (reviewdog, Jenkins) and JUnit XML (test dashboards).
 */
#include <stdlib.h>
#include <string.h>

#include "../engine/text.h"
#include "format.h"

/* --- GitHub workflow commands ----------------------------------------- */

/* GitHub reads "::warning file=F,line=L,...::MESSAGE" one per line: the
 * message escapes %, CR and LF; a property value also : and ,. */
static void
github_escaped(FILE *fp, const char *s, int property)
{
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", fp);
        else if (*s == '\r')
            fputs("%0D", fp);
        else if (*s == '\n')
            fputs("%0A", fp);
        else if (property && *s == ':')
            fputs("%3A", fp);
        else if (property && *s == ',')
            fputs("%2C", fp);
        else
            fputc(*s, fp);
    }
}

static void
github_file(cli_out *o, const char *path, const bl_doc *doc,
            const bl_diags *diags)
{
    bl_pos_cache at_begin = {0, {0, 0}, BL_ENC_CODEPOINT, 0};
    bl_pos_cache at_end = at_begin;
    size_t i;

    for (i = 0; i < diags->n; i++) {
        const bl_diag *d = &diags->items[i];
        size_t l, c, el, ec;
        cli_line_col(doc, &at_begin, d->begin, &l, &c);
        cli_line_col(doc, &at_end, d->end, &el, &ec);
        fprintf(o->fp, "::%s file=", d->severity == BL_SEV_ERROR ? "error"
                : d->severity == BL_SEV_WARNING ? "warning" : "notice");
        /* GitHub matches file= against the repository's paths */
        github_escaped(o->fp, strncmp(path, "./", 2) == 0 ? path + 2 : path,
                       1);
        fprintf(o->fp, ",line=%zu,col=%zu,endLine=%zu,endColumn=%zu,title=",
                l, c, el, ec);
        github_escaped(o->fp, d->rule->id, 1);
        fputs("::", o->fp);
        github_escaped(o->fp, d->message, 0);
        fputc('\n', o->fp);
    }
}

static void
github_end(cli_out *o, const cli_summary *sum)
{
    (void)o;
    (void)sum;
}

/* --- XML ----------------------------------------------------------------- */

/* Writes s[0..n) as XML attribute or element text: markup escaped, and
 * what XML 1.0 cannot hold (control characters, invalid UTF-8) as
 * U+FFFD, so the report is well-formed whatever the document held. */
void
cli_xml_text(FILE *fp, const char *s, size_t n)
{
    size_t i = 0, cl;

    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = bl_utf8_decode(s, n, i, &cl);
        if (c == '&')
            fputs("&amp;", fp);
        else if (c == '<')
            fputs("&lt;", fp);
        else if (c == '>')
            fputs("&gt;", fp);
        else if (c == '"')
            fputs("&quot;", fp);
        else if (c == '\'')
            fputs("&apos;", fp);
        else if (c == '\n' || c == '\t')
            fprintf(fp, "&#%d;", c);
        else if (c < 0x20 || c == 0x7F || (cp == 0xFFFD && cl == 1)
                 || cp == 0xFFFE || cp == 0xFFFF)
            fputs("\xEF\xBF\xBD", fp);
        else
            fwrite(s + i, 1, cl, fp);
        i += cl;
    }
}

static void
xml_cstring(FILE *fp, const char *s)
{
    cli_xml_text(fp, s, strlen(s));
}

/* --- Checkstyle ------------------------------------------------------------ */

static void
checkstyle_begin(cli_out *o)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<checkstyle version=\"4.3\">\n", o->fp);
}

static void
checkstyle_file(cli_out *o, const char *path, const bl_doc *doc,
                const bl_diags *diags)
{
    bl_pos_cache at = {0, {0, 0}, BL_ENC_CODEPOINT, 0};
    size_t i;

    fputs("  <file name=\"", o->fp);
    xml_cstring(o->fp, path);
    fputs("\">\n", o->fp);
    for (i = 0; i < diags->n; i++) {
        const bl_diag *d = &diags->items[i];
        size_t l, c;
        cli_line_col(doc, &at, d->begin, &l, &c);
        fprintf(o->fp, "    <error line=\"%zu\" column=\"%zu\" severity=\"%s\""
                " message=\"", l, c, bl_severity_name(d->severity));
        xml_cstring(o->fp, d->message);
        fputs("\" source=\"blamelint.", o->fp);
        xml_cstring(o->fp, d->rule->id);
        fputs("\"/>\n", o->fp);
    }
    fputs("  </file>\n", o->fp);
}

static void
checkstyle_end(cli_out *o, const cli_summary *sum)
{
    (void)sum;
    fputs("</checkstyle>\n", o->fp);
}

/* --- JUnit ------------------------------------------------------------------ */

/* One test case per file, failed when the file has a finding at or above
 * --fail-on; the counts lead the report, so the cases are kept until the
 * end. */
typedef struct junit_state {
    char *buf;
    size_t len;
    FILE *cases;
    size_t tests, failures;
} junit_state;

static junit_state junit;

static void
junit_begin(cli_out *o)
{
    (void)o;
    memset(&junit, 0, sizeof junit);
    junit.cases = open_memstream(&junit.buf, &junit.len);
}

static void
junit_file(cli_out *o, const char *path, const bl_doc *doc,
           const bl_diags *diags)
{
    bl_pos_cache at = {0, {0, 0}, BL_ENC_CODEPOINT, 0};
    FILE *fp = junit.cases;
    size_t i, failing = 0;

    junit.tests++;
    for (i = 0; i < diags->n; i++)
        failing += (int)diags->items[i].severity >= o->fail_on;
    junit.failures += failing > 0;
    if (fp == NULL)
        return;     /* out of memory: the counts still come out */
    fputs("    <testcase classname=\"blamelint\" name=\"", fp);
    xml_cstring(fp, path);
    if (failing == 0) {
        fputs("\"/>\n", fp);
        return;
    }
    fprintf(fp, "\">\n      <failure type=\"blamelint\" message=\"%zu "
            "finding%s\">", failing, failing == 1 ? "" : "s");
    for (i = 0; i < diags->n; i++) {
        const bl_diag *d = &diags->items[i];
        size_t l, c;
        if ((int)d->severity < o->fail_on)
            continue;
        cli_line_col(doc, &at, d->begin, &l, &c);
        xml_cstring(fp, path);
        fprintf(fp, ":%zu:%zu: %s: ", l, c, bl_severity_name(d->severity));
        xml_cstring(fp, d->message);
        fputs(" [", fp);
        xml_cstring(fp, d->rule->id);
        fputs("]&#10;", fp);
    }
    fputs("</failure>\n    </testcase>\n", fp);
}

static void
junit_end(cli_out *o, const cli_summary *sum)
{
    (void)sum;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", o->fp);
    fprintf(o->fp, "<testsuites name=\"blamelint\" tests=\"%zu\" "
            "failures=\"%zu\">\n  <testsuite name=\"blamelint\" tests=\"%zu\" "
            "failures=\"%zu\">\n", junit.tests, junit.failures, junit.tests,
            junit.failures);
    if (junit.cases != NULL) {
        fclose(junit.cases);
        if (junit.buf != NULL)
            fwrite(junit.buf, 1, junit.len, o->fp);
        free(junit.buf);
    }
    fputs("  </testsuite>\n</testsuites>\n", o->fp);
    memset(&junit, 0, sizeof junit);
}

const cli_format cli_format_github = {
    "github", NULL, github_file, github_end
};
const cli_format cli_format_checkstyle = {
    "checkstyle", checkstyle_begin, checkstyle_file, checkstyle_end
};
const cli_format cli_format_junit = {
    "junit", junit_begin, junit_file, junit_end
};
