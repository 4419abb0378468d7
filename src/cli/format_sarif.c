/*
 * format_sarif.c: SARIF 2.1.0, the format GitHub code scanning and other
 * CI dashboards import.  One run; each result names its rule by id and
 * index, its region in code points (the run says so with columnKind) and
 * its fix as a replacement.  Results are written as files are checked;
 * the tool and the rules the results used follow them (a JSON object's
 * members have no order).
 */
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "format.h"

typedef struct sarif_state {
    const bl_rule_info **rules;     /* in order of first use */
    size_t nrules, alloc;
    size_t results;
    int oom;
} sarif_state;

static sarif_state sarif;

static void
sarif_begin(cli_out *o)
{
    memset(&sarif, 0, sizeof sarif);
    fputs("{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/"
          "sarif-2.1.0.json\",\"runs\":[{\"columnKind\":\"unicodeCodePoints\","
          "\"results\":[", o->fp);
}

/* The index of rule r in the run's rules, added on first use. */
static size_t
rule_index(const bl_rule_info *r)
{
    size_t i;

    for (i = 0; i < sarif.nrules; i++)
        if (sarif.rules[i] == r)
            return i;
    if (sarif.nrules == sarif.alloc) {
        size_t cap = sarif.alloc ? 2 * sarif.alloc : 16;
        const bl_rule_info **p = realloc(sarif.rules, cap * sizeof *p);
        if (p == NULL) {
            sarif.oom = 1;
            return 0;
        }
        sarif.rules = p;
        sarif.alloc = cap;
    }
    sarif.rules[sarif.nrules] = r;
    return sarif.nrules++;
}

/* A path as a URI reference: unreserved bytes and "/" as they are, the
 * rest percent-encoded ("my notes/pm 1.md" -> "my%20notes/pm%201.md");
 * an absolute path becomes a file: URI. */
static void
sarif_uri(FILE *fp, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p;

    fputc('"', fp);
    if (path[0] == '/')
        fputs("file://", fp);
    else if (strncmp(path, "./", 2) == 0)
        path += 2;      /* found under ".": relative to where it ran */
    for (p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
            || (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            fputc(*p, fp);
        else
            fprintf(fp, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
    fputc('"', fp);
}

static void
sarif_region(FILE *fp, const bl_doc *doc, size_t b, size_t e)
{
    bl_pos_cache c = {0, {0, 0}, BL_ENC_CODEPOINT, 0};
    size_t l, col, el, ec;

    cli_line_col(doc, &c, b, &l, &col);
    cli_line_col(doc, &c, e, &el, &ec);
    fprintf(fp, "{\"startLine\":%zu,\"startColumn\":%zu,\"endLine\":%zu,"
            "\"endColumn\":%zu}", l, col, el, ec);
}

static const char *
sarif_level(bl_severity s)
{
    return s == BL_SEV_ERROR ? "error" : s == BL_SEV_WARNING ? "warning"
                                                              : "note";
}

static void
sarif_file(cli_out *o, const char *path, const bl_doc *doc,
           const bl_diags *diags)
{
    size_t i;

    for (i = 0; i < diags->n; i++) {
        const bl_diag *d = &diags->items[i];
        if (sarif.results++ > 0)
            fputc(',', o->fp);
        fputs("{\"ruleId\":", o->fp);
        cli_json_cstring(o->fp, d->rule->id);
        fprintf(o->fp, ",\"ruleIndex\":%zu,\"level\":\"%s\",\"message\":"
                "{\"text\":", rule_index(d->rule), sarif_level(d->severity));
        cli_json_cstring(o->fp, d->message);
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
              "{\"uri\":", o->fp);
        sarif_uri(o->fp, path);
        fputs("},\"region\":", o->fp);
        sarif_region(o->fp, doc, d->begin, d->end);
        fputs("}}]", o->fp);
        if (d->fix != NULL) {
            fputs(",\"fixes\":[{\"description\":{\"text\":", o->fp);
            cli_json_cstring(o->fp, d->fix[0] == '\0' ? "Remove the words"
                             : d->fix_begin == d->fix_end ? "Insert the text"
                             : "Replace the words");
            fputs("},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":",
                  o->fp);
            sarif_uri(o->fp, path);
            fputs("},\"replacements\":[{\"deletedRegion\":", o->fp);
            sarif_region(o->fp, doc, d->fix_begin, d->fix_end);
            fputs(",\"insertedContent\":{\"text\":", o->fp);
            cli_json_cstring(o->fp, d->fix);
            fputs("}}]}]}]", o->fp);
        }
        fputc('}', o->fp);
    }
}

static void
sarif_end(cli_out *o, const cli_summary *sum)
{
    char *docs = cli_docs_uri();
    size_t i;

    (void)sum;
    fputs("],\"tool\":{\"driver\":{\"name\":\"blamelint\",\"version\":", o->fp);
    cli_json_cstring(o->fp, BL_VERSION);
    if (docs != NULL) {
        fputs(",\"informationUri\":", o->fp);
        cli_json_cstring(o->fp, docs);
    }
    fputs(",\"rules\":[", o->fp);
    for (i = 0; i < sarif.nrules; i++) {
        const bl_rule_info *r = sarif.rules[i];
        const char *p;
        if (i > 0)
            fputc(',', o->fp);
        fputs("{\"id\":", o->fp);
        cli_json_cstring(o->fp, r->id);
        fputs(",\"shortDescription\":{\"text\":", o->fp);
        cli_json_cstring(o->fp, r->summary);
        fputs("},\"help\":{\"text\":", o->fp);
        cli_json_cstring(o->fp, r->explain ? r->explain : r->summary);
        fputs(",\"markdown\":", o->fp);
        cli_json_cstring(o->fp, r->explain ? r->explain : r->summary);
        fputs("}", o->fp);
        if (docs != NULL) {
            fputs(",\"helpUri\":\"", o->fp);
            for (p = docs; *p; p++)     /* a URI: nothing to escape */
                if (*p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
                    fputc(*p, o->fp);
            fputs("#rule-", o->fp);
            for (p = r->id; *p; p++)
                fputc(*p == '/' ? '-' : *p, o->fp);
            fputc('"', o->fp);
        }
        fprintf(o->fp, ",\"defaultConfiguration\":{\"level\":\"%s\"}}",
                sarif_level(r->on_severity));
    }
    fputs("]}}}]}\n", o->fp);
    free(docs);
    free(sarif.rules);
    if (sarif.oom)
        fputs("blamelint: out of memory: rule indexes in the SARIF report "
              "may be wrong\n", stderr);
    memset(&sarif, 0, sizeof sarif);
}

const cli_format cli_format_sarif = {
    "sarif", sarif_begin, sarif_file, sarif_end
};
