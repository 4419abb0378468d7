/*
 * comms.c: the comms/ rules, which read a team's incident communication
 * templates: missing-field, no-cadence and external-leak.
 * (comms/missing-template is the missing-sections check of sections.c.)
 *
 * The templates are the profile's "internal" and "external" sections
 * (rules/comms.rules), each read with its subsections.  What counts as a
 * field and as a cadence is in Define: stanzas there; they are matched
 * against the source with HTML comments blanked out, since a slot
 * ({{severity}}, <impact>) is as good as a label and md4c reads some of
 * them as HTML, while guidance in a comment is no slot at all.
 */
#include <string.h>

#include "lint.h"
#include "text.h"
#include "vec.h"

/* The four facts every update gives, and how a message names each. */
static const struct {
    const char *define;
    const char *what;
} fields[] = {
    {"COMMS-FIELD-SEVERITY", "severity (\"Severity: {{SEV}}\")"},
    {"COMMS-FIELD-IMPACT", "impact (\"Impact: {{who is affected and "
                           "how}}\")"},
    {"COMMS-FIELD-STATUS", "status (\"Status: {{Investigating / Identified "
                           "/ Monitoring / Resolved}}\")"},
    {"COMMS-FIELD-NEXT", "next update or ETA (\"Next update: {{time, "
                         "UTC}}\")"},
};

#define N_FIELDS (sizeof fields / sizeof fields[0])

/* --- Sections ------------------------------------------------------------ */

/* The source bytes of section si's content, after its heading, up to
 * the next heading at its level or above. */
static void
content_range(const bl_lint_ctx *lc, size_t si, size_t *p_b, size_t *p_e)
{
    const bl_doc *doc = lc->doc;

    *p_b = doc->blocks.items[doc->sections.items[si].heading].end;
    *p_e = lc->section_end[si];
    if (*p_e < *p_b)
        *p_e = *p_b;
}

static int
is_blank_text(const char *s, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\r')
            return 0;
    return 1;
}

/* Does re match somewhere in buf[0..n)?  1, 0; a missing definition
 * matches, so a --rules directory without it reports nothing. */
static int
says(bl_regex *re, const char *buf, size_t n, pcre2_match_data *md)
{
    return re == NULL || bl_regex_match(re, buf, n, 0, md) > 0;
}

/* --- comms/missing-field ------------------------------------------------- */

static int
check_fields_of(bl_lint_ctx *lc, int rule, size_t si, bl_regex *const *re,
                pcre2_match_data *md)
{
    const bl_doc *doc = lc->doc;
    const bl_block *hb = &doc->blocks.items[doc->sections.items[si].heading];
    const char *title =
        lc->rules->headings.items[lc->kind_of[si]].title;
    size_t b, e, f;
    char *buf;
    int rc = 0;

    content_range(lc, si, &b, &e);
    if ((buf = bl_published_source(doc, b, e)) == NULL)
        return -1;
    /* The slots in a template are what it is for ({{severity}} is
     * filled in during each incident): placeholder/unfilled leaves them
     * to this rule, which reads them as the template's fields. */
    if (!is_blank_text(buf, e - b)
        && bl_lint_explain_placeholder(lc, rule, b, e) < 0)
        rc = -1;
    /* An empty template is comms/missing-template's to report. */
    for (f = 0; f < N_FIELDS && rc == 0 && !is_blank_text(buf, e - b); f++) {
        bl_strbuf msg = {NULL, 0, 0};
        if (says(re[f], buf, e - b, md))
            continue;
        if (bl_strbuf_addf(&msg, "The %s template has no place for the %s: "
                           "every update says how bad it is, who is "
                           "affected, where the response stands and when "
                           "the next update comes. Add a label and a slot "
                           "for it.", title, fields[f].what) < 0)
            rc = -1;
        else
            rc = bl_lint_report(lc, rule, hb->begin, hb->end, msg.items,
                                NULL);
        free(msg.items);
    }
    free(buf);
    return rc;
}

static int
check_fields(bl_lint_ctx *lc, int rule)
{
    bl_regex *re[N_FIELDS];
    pcre2_match_data *md;
    size_t si, f;
    int oom = 0, rc = 0;

    for (f = 0; f < N_FIELDS; f++)
        re[f] = bl_rules_define_regex(lc->rules, fields[f].define, 0, &oom);
    if (oom || (md = pcre2_match_data_create(1, NULL)) == NULL)
        return -1;
    for (si = 0; si < lc->doc->sections.n && rc == 0; si++)
        if (bl_lint_section_is_outer(lc, si, "internal")
            || bl_lint_section_is_outer(lc, si, "external"))
            rc = check_fields_of(lc, rule, si, re, md);
    pcre2_match_data_free(md);
    return rc;
}

/* --- comms/no-cadence ---------------------------------------------------- */

static int
check_cadence(bl_lint_ctx *lc, int rule)
{
    const bl_doc *doc = lc->doc;
    bl_regex *re;
    pcre2_match_data *md;
    char *buf;
    size_t b, e;
    int oom = 0, rc = 0, stated;

    re = bl_rules_define_regex(lc->rules, "COMMS-CADENCE", 0, &oom);
    if (oom)
        return -1;
    if (re == NULL)
        return 0;
    if ((md = pcre2_match_data_create(1, NULL)) == NULL)
        return -1;
    if ((buf = bl_published_source(doc, doc->fm_end, doc->len)) == NULL) {
        pcre2_match_data_free(md);
        return -1;
    }
    stated = says(re, buf, doc->len - doc->fm_end, md);
    free(buf);
    pcre2_match_data_free(md);
    if (stated)
        return 0;
    bl_doc_opening_span(doc, &b, &e);
    if (e > b)
        rc = bl_lint_report(lc, rule, b, e, "The comms document does not say "
                            "how often updates are posted. State a cadence, "
                            "such as \"an update every 30 minutes while the "
                            "incident is open, and whenever the status "
                            "changes\".", NULL);
    return rc;
}

/* --- comms/external-leak ------------------------------------------------- */

static int
check_leaks(bl_lint_ctx *lc, int rule)
{
    size_t si, b, e;

    for (si = 0; si < lc->doc->sections.n; si++) {
        if (!bl_lint_section_is_outer(lc, si, "external"))
            continue;
        content_range(lc, si, &b, &e);
        if (bl_leaks_report(lc, rule, b, e) < 0)
            return -1;
    }
    return 0;
}

/* --- The check ----------------------------------------------------------- */

int
bl_check_comms(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc
        || bl_heading_index(lc->rules, lc->profile, "external") < 0)
        return 0;
    if (strcmp(id, "comms/missing-field") == 0)
        return check_fields(lc, rule);
    if (strcmp(id, "comms/no-cadence") == 0)
        return check_cadence(lc, rule);
    if (strcmp(id, "comms/external-leak") == 0)
        return check_leaks(lc, rule);
    return 0;
}
