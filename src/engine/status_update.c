/*
 * status_update.c: the status-update/ rules that read a status update as
 * a whole: no-status, no-next-update and leak.  (status-update/unfilled
 * is the placeholder check of placeholders.c, at this rule's severity.)
 *
 * An update is short and has no fixed sections, so the rules read its
 * text, HTML comments blanked out: the status is a label or a status
 * word anywhere, the next update a phrase with a time after it
 * (STATUS-UPDATE-STATUS and STATUS-UPDATE-NEXT in
 * rules/status-update.rules).  A Resolved update promises no next one
 * (STATUS-UPDATE-RESOLVED, read paragraph by paragraph so that "^" is
 * where one opens).
 */
#include <string.h>

#include "lint.h"
#include "text.h"
#include "vec.h"

/* Does the Define: `name` match the update's published text?  1, 0, or
 * -1 when out of memory; a rule set without it says nothing (-2). */
static int
update_says(bl_lint_ctx *lc, const char *name)
{
    const bl_doc *doc = lc->doc;
    bl_regex *re;
    pcre2_match_data *md;
    char *buf;
    int oom = 0, hit;

    re = bl_rules_define_regex(lc->rules, name, 0, &oom);
    if (oom)
        return -1;
    if (re == NULL)
        return -2;
    if ((md = pcre2_match_data_create(1, NULL)) == NULL)
        return -1;
    if ((buf = bl_published_source(doc, doc->fm_end, doc->len)) == NULL) {
        pcre2_match_data_free(md);
        return -1;
    }
    hit = bl_regex_match(re, buf, doc->len - doc->fm_end, 0, md) > 0;
    free(buf);
    pcre2_match_data_free(md);
    return hit;
}

/* Is the update a closing one: does a paragraph (or heading, item) say
 * it is resolved?  Units hold prose only, so a comment never does. */
static int
is_resolved(bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    bl_regex *re;
    pcre2_match_data *md;
    size_t u;
    int oom = 0, hit = 0;

    re = bl_rules_define_regex(lc->rules, "STATUS-UPDATE-RESOLVED", 0, &oom);
    if (oom)
        return -1;
    if (re == NULL)
        return 0;
    if ((md = pcre2_match_data_create(1, NULL)) == NULL)
        return -1;
    for (u = 0; u < doc->units.n && !hit; u++) {
        size_t n;
        const char *t = bl_unit_text(doc, &doc->units.items[u], &n);
        hit = bl_regex_match(re, t, n, 0, md) > 0;
    }
    pcre2_match_data_free(md);
    return hit;
}

static int
report_whole(bl_lint_ctx *lc, int rule, const char *message)
{
    size_t b, e;

    bl_doc_opening_span(lc->doc, &b, &e);
    if (e <= b)
        return 0;   /* an empty update: nothing to point at */
    return bl_lint_report(lc, rule, b, e, message, NULL);
}

int
bl_check_status_update(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    int r;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    if (strcmp(id, "status-update/leak") == 0)
        return bl_leaks_report(lc, rule, lc->doc->fm_end, lc->doc->len);
    if (strcmp(id, "status-update/no-status") == 0) {
        if ((r = update_says(lc, "STATUS-UPDATE-STATUS")) == -1)
            return -1;
        return r != 0 ? 0
               : report_whole(lc, rule, "The update does not say where "
                              "the response stands. Open it with the "
                              "status: Investigating, Identified, "
                              "Monitoring or Resolved.");
    }
    if (strcmp(id, "status-update/no-next-update") == 0) {
        if ((r = update_says(lc, "STATUS-UPDATE-NEXT")) == -1)
            return -1;
        if (r != 0)
            return 0;
        if ((r = is_resolved(lc)) != 0)
            return r < 0 ? -1 : 0;
        return report_whole(lc, rule, "The update does not say when the "
                            "next one comes. Give a time: \"Next update by "
                            "15:30 UTC\", or \"within 30 minutes\".");
    }
    return 0;
}
