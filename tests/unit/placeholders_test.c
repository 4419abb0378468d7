/*
 * placeholders_test.c: the placeholder/ rules (src/engine/placeholders.c)
 * and the postmortem template that `blamelint new` prints.
 *
 * Most cases lint a small postmortem and state, with expect_reports, the
 * exact texts one rule must flag in it, in document order: a text listed
 * is the next occurrence in the source after the previous one, and the
 * rule must report nothing else.
 */
#include "testutil.h"

#include <stdio.h>
#include <time.h>

#include "engine/rules.h"

#define UNFILLED "placeholder/unfilled"
#define INSTRUCTIONS "placeholder/instructions"

/* A title that makes any text a postmortem, so the rules look at it. */
#define PM "# Postmortem: checkout outage\n\n"

/* No text: the rule reports nothing. */
static const char *const none[] = {NULL};

typedef struct lint_run {
    bl_doc *doc;
    bl_diags d;
} lint_run;

static void
lint_with(const bl_rules *rules, const char *src, size_t n, lint_run *r)
{
    r->doc = tu_parse_n(src, n);
    memset(&r->d, 0, sizeof r->d);
    assert_int_equal(bl_lint(rules, r->doc, &r->d), 0);
}

static void
run_free(lint_run *r)
{
    bl_diags_free(&r->d);
    bl_doc_free(r->doc);
}

static size_t
count(const lint_run *r, const char *id)
{
    size_t i, n = 0;

    for (i = 0; i < r->d.n; i++)
        n += strcmp(r->d.items[i].rule->id, id) == 0;
    return n;
}

/* Prints every finding with its text, for a failing case. */
static void
dump(const lint_run *r)
{
    size_t i;

    for (i = 0; i < r->d.n; i++) {
        const bl_diag *g = &r->d.items[i];
        print_error("  %s [%zu,%zu) \"%.*s\"\n", g->rule->id, g->begin,
                    g->end, (int)(g->end - g->begin), r->doc->src + g->begin);
    }
}

/* Offset of needle at or after `from` in the source. */
static size_t
off_from(const bl_doc *doc, size_t from, const char *needle)
{
    const char *p = strstr(doc->src + from, needle);

    if (p == NULL)
        fail_msg("\"%s\" is not in the test input", needle);
    return (size_t)(p - doc->src);
}

/* Does rule id report exactly [b, e)? */
static int
reports(const lint_run *r, const char *id, size_t b, size_t e)
{
    size_t i;

    for (i = 0; i < r->d.n; i++)
        if (strcmp(r->d.items[i].rule->id, id) == 0
            && r->d.items[i].begin == b && r->d.items[i].end == e)
            return 1;
    return 0;
}

/* Asserts that rule id reports exactly `texts` in run r (see the top). */
static void
expect_in(const lint_run *r, const char *id, const char *const *texts)
{
    size_t k, from = 0;

    for (k = 0; texts[k] != NULL; k++) {
        size_t b = off_from(r->doc, from, texts[k]);
        size_t e = b + strlen(texts[k]);
        if (!reports(r, id, b, e)) {
            dump(r);
            fail_msg("%s does not report \"%s\" at %zu", id, texts[k], b);
        }
        from = e;
    }
    if (count(r, id) != k) {
        dump(r);
        fail_msg("%s reports %zu findings, want %zu", id, count(r, id), k);
    }
}

static void
expect_reports(void **state, const char *id, const char *src,
               const char *const *texts)
{
    lint_run r;

    lint_with(*state, src, strlen(src), &r);
    expect_in(&r, id, texts);
    run_free(&r);
}

/* A rule set of its own, for a test that changes severities or settings. */
static bl_rules *
fresh_rules(void)
{
    bl_rules *rules = NULL;
    char err[512];

    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    return rules;
}

/* --- The gate ------------------------------------------------------------ */

static void
test_documents_that_are_not_postmortems_are_not_checked(void **state)
{
    expect_reports(state, UNFILLED,
                   "# Release notes\n\nTBD: {{version}} ships on YYYY-MM-DD "
                   "to <region name>.\n", none);
    expect_reports(state, INSTRUCTIONS,
                   "# Contributing\n\n_Describe your change here._\n", none);
}

/* --- Template slots ------------------------------------------------------ */

static void
test_braces_are_slots_unless_they_are_an_expression(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\n{{service}} failed for {{ duration }}; "
                   "the alert text was {{ $labels.job }} and the chart value "
                   "{{ .Values.replicas }}; the workflow read "
                   "${{ secrets.TOKEN }}.\n\n### {{ hh:mm }}\n\nMore.\n",
                   (const char *const[]){"{{service}}", "{{ duration }}",
                                         "{{ hh:mm }}", NULL});
}

static void
test_angle_slots_that_md4c_reads_as_html(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nThe <service name> returned 503s for "
                   "<duration>; see <link to dashboard>.\nOwner: <owner>, "
                   "on &lt;team&gt; and <service_name>.\n",
                   (const char *const[]){"<service name>", "<duration>",
                                         "<link to dashboard>", "<owner>",
                                         "&lt;team&gt;", "<service_name>",
                                         NULL});
    /* A tag may run over a line break; it is one slot. */
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nSee the <link to the\ngrafana board> "
                   "for details.\n",
                   (const char *const[]){"<link to the\ngrafana board>",
                                         NULL});
}

static void
test_real_html_autolinks_code_and_output_are_not_slots(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nLine<br>break, <br/> and <kbd>Ctrl</kbd>"
                   " and <img src=\"a.png\"> and <a href=\"x\">x</a> and "
                   "<details open> and <!-- <service name> --> and "
                   "<https://example.com/a> and <me@example.com> and "
                   "Vec<u8> and `<pod>` and <none> and <nil> and "
                   "latency < 200 ms and > 100 ms and a <-> b.\n\n"
                   "<details>\n<summary>Logs</summary>\n\nNothing.\n\n"
                   "</details>\n",
                   none);
}

static void
test_element_names_that_are_also_slots(void **state)
{
    /* <summary> closed somewhere is HTML; never closed, it is a slot. */
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nCheckout failed.\n\n<summary>\n\n"
                   "## Impact\n\nSee <time> and <title>.\n",
                   (const char *const[]){"<summary>", "<time>", "<title>",
                                         NULL});
    /* Words that are no attributes make a known element a slot too. */
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nSee <summary of the incident>.\n\n"
                   "<details><summary>x</summary>y</details>\n",
                   (const char *const[]){"<summary of the incident>", NULL});
}

static void
test_a_slot_alone_on_its_line_is_an_html_block(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nCheckout failed.\n\n"
                   "<number of affected users>\n\n"
                   "<!--\n<service name> in guidance\n-->\n\n"
                   "<pre>\n<not a slot>\n</pre>\n\n"
                   "> <quoted slot>\n",
                   (const char *const[]){"<number of affected users>",
                                         "<quoted slot>", NULL});
}

static void
test_bracketed_slots_but_not_links_footnotes_or_tags(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\n[Name] and [Service name] paged "
                   "[link to ticket]; owner [TODO], time [???].\n\n"
                   "See [the runbook](https://x.io/r) and [Sen Lu][sl], "
                   "note [1], [^2], [x], [Action Item] and [sic]; "
                   "[3 hours ago] and [edit]. Owners: [Payments team], "
                   "[Your team].\n\n- [ ] Add an alert\n"
                   "- [x] Roll back\n\n[sl]: https://x.io/sen\n",
                   (const char *const[]){"[Name]", "[Service name]",
                                         "[link to ticket]", "[TODO]",
                                         "[???]", "[Your team]", NULL});
}

/* A value taken out before publishing is no slot: its brackets say what
 * was redacted, omitted or removed.  A slot beside it still is. */
static void
test_redaction_markers_are_not_slots(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nRequests from <redacted IP>, "
                   "<IP redacted> and <redacted-ip> for <REDACTED: customer "
                   "name> and [REDACTED: customer] were slow; the key was "
                   "<omitted>, the host <removed>, the user <anonymised "
                   "user>, the bucket [name scrubbed] and [elided].\n\n"
                   "<redacted IP>\n\n"
                   "The <service name> failed. [Name] is back at {{eta}}.\n",
                   (const char *const[]){"<service name>", "[Name]",
                                         "{{eta}}", NULL});
}

/* --- Markers -------------------------------------------------------------- */

static void
test_markers_are_unfinished_text_even_inside_a_sentence(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Root Cause\n\nThe exact cause is TBD pending the "
                   "vendor's report. tbd. TBC: TBA.\n\nTODO: graphs. FIXME "
                   "later. Lorem ipsum dolor.\n",
                   (const char *const[]){"TBD", "tbd", "TBC: TBA", "TODO",
                                         "FIXME", "Lorem ipsum", NULL});
}

/* A TODO the text talks about is a comment in code (QA's round 6: "I
 * knew that TODO was there", "recorded openly in a TODO"), not text left
 * unfinished; one standing alone, or after a label, still is. */
static void
test_a_todo_talked_about_is_a_comment_in_code(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Root Cause\n\nTobias said: I knew that TODO was "
                   "there. The trade-off was recorded openly in a TODO. The "
                   "FIXME comment in step 3 said so too.\n", none);
    expect_reports(state, UNFILLED,
                   PM "## Root Cause\n\nImpact: TODO. We will add graphs "
                   "TODO. Ask the TODO team.\n",
                   (const char *const[]){"TODO", "TODO", "TODO", NULL});
}

/* In Action Items, TODO is an item's state (the SRE book's "Bug 5554823
 * TODO", a Status column, "TODO: ..."), and stays unfilled text where it
 * is the whole item, in the action or another column, a label's value,
 * or inside a sentence; other markers are unfilled there too, and TODO
 * elsewhere. */
static void
test_todo_is_a_state_in_action_items(void **state)
{
    static const char *const sections =
        PM "## Summary\n\nCheckout failed.\n\n## Action Items\n\n";
    char src[2048];

    snprintf(src, sizeof src, "%s%s", sections,
             "| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n"
             "| Update the playbook | mitigate | jennifer | n/a DONE |\n"
             "| Balance load between clusters | prevent | martym | "
             "Bug 5554823 TODO |\n"
             "| Test cascading failure | process | docbrown | TODO |\n\n"
             "| Action | Owner | Status |\n|---|---|---|\n"
             "| Pin the client | @tf | TODO |\n\n"
             "- TODO: alert on queue age (owner: @dana)\n"
             "- TODO: \xE8\xAD\xA6\xE6\x8A\xA5 (owner: @dana)\n"
             "- Pin the client library (owner: @tf) TODO\n"
             "- Alert on pool wait time (owner: @ana, status: TODO)\n"
             "- Alert on pool size (owner: @ana) \xE2\x80\x94 Status: TODO\n"
             "- Alert on lag (@ana, **State:** TODO, due: 2026-04-01)\n"
             "- Alert on queue age (owner: @ana)\n  - Status: TODO\n");
    expect_reports(state, UNFILLED, src, none);
    snprintf(src, sizeof src, "%s%s", sections,
             "| Action Item | Owner |\n|---|---|\n| TODO | docbrown |\n\n"
             "| # | Action | Owner |\n|---|---|---|\n| 1 | TODO | @dana |\n\n"
             "- Add retries to the TODO exporter (owner: @tf)\n"
             "- TODO\n- TODO (owner: @sam)\n"
             "- Rotate the keys (owner: @tf). Due: TODO.\n"
             "- Rotate the keys (owner: @tf) TBD\n"
             "- Rotate the certs (owner: @tf, status: TBD)\n\n"
             "## Impact\n\nThe cause is TODO\n\nStatus: TODO\n");
    expect_reports(state, UNFILLED, src,
                   (const char *const[]){"TODO", "TODO", "TODO", "TODO",
                                         "TODO", "TODO", "TBD", "TBD",
                                         "TODO", "TODO", NULL});
}

/* Action Items written as a bold label or a <details> summary are Action
 * Items too: TODO in a Status column there is a state.  The labelled part
 * ends at the next heading, the next label that names a section, or the
 * end of its <details>. */
static void
test_todo_is_a_state_under_an_action_items_label(void **state)
{
    expect_reports(state, UNFILLED,
                   "# Incident: checkout latency\n\n"
                   "**Action items**\n\n"
                   "| Action | Owner | Status |\n|---|---|---|\n"
                   "| Alert on pool wait time | @ana | TODO |\n\n"
                   "- **Action items**:\n"
                   "  - Alert on pool size (owner: @ana) TODO\n\n"
                   "<details><summary>Action items</summary>\n\n"
                   "| Action | Owner | Status |\n|---|---|---|\n"
                   "| Alert on lag | @ana | TODO |\n\n</details>\n",
                   none);
    expect_reports(state, UNFILLED,
                   "# Incident: checkout latency\n\n"
                   "## Summary\n\nCheckout was slow; the fix is TODO.\n\n"
                   "**Action items**\n\n"
                   "| Action | Owner | Status |\n|---|---|---|\n"
                   "| TODO | @ana | Open |\n\n"
                   "**Lessons learned**\n\n"
                   "| Lesson | Status |\n|---|---|\n| Alerting | TODO |\n\n"
                   "<details><summary>Action items</summary>\n\n"
                   "| Action | Owner | Status |\n|---|---|---|\n"
                   "| Alert on lag | @ana | Open |\n\n</details>\n\n"
                   "| Action | Owner | Status |\n|---|---|---|\n"
                   "| Alert on disk | @ana | TODO |\n\n"
                   "## Timeline\n\n| Step | Status |\n|---|---|\n"
                   "| Alert on disk | TODO |\n",
                   (const char *const[]){"TODO", "TODO", "TODO", "TODO",
                                         "TODO", NULL});
}

static void
test_markers_mentioned_quoted_or_in_code_are_not_reported(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Root Cause\n\nThe status field said \"TBD\" and "
                   "the page \xE2\x80\x9CTODO\xE2\x80\x9D; a todo list, a "
                   "TODO-list, TBD_FLAG, `TODO` and:\n\n"
                   "```\nTODO: restart\n```\n\n"
                   "> 14:02 dana: TBD, checking XXX\n\n"
                   "<!-- TODO: add graphs -->\n",
                   none);
}

/* A slot word starts only where a word does: after a blank, punctuation
 * or a dash, never inside a word, whether what comes before is ASCII or
 * UTF-8; and a word's first letters alone can rule it out ("The", "this",
 * "log", "2019"). */
static void
test_slot_words_start_only_where_a_word_does(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Root Cause\n\nNext:\xE2\x80\x94TODO, (TBD) and "
                   "\xC2\xAB" "FIXME\xC2\xBB.\n\nIt is T\n\nEnds on TBD\n\n"
                   "caf\xC3\xA9TBD, na\xC3\xAFveXXX, x_TBD, 9TODO and "
                   "nowTODO are words. The log of this 2019 load, Fixed, "
                   "Tbilisi.\n",
                   (const char *const[]){"TODO", "TBD", "FIXME", "TBD",
                                         NULL});
}

static void
test_xxx_is_a_blank_value_but_not_a_redaction(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Impact\n\nCategory: XXX. It cost $XXX over YYY "
                   "days (ZZZZ).\n\nCall 555-XXX-XXXX about card XXXX XXXX "
                   "XXXX 4242, ticket XXX-1234, host 10.0.XXX.12, "
                   "10.128.xxx.yyy, XXXL and \"XXX\".\n",
                   (const char *const[]){"XXX", "XXX", "YYY", "ZZZZ",
                                         NULL});
}

static void
test_question_marks_standing_for_a_number(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Impact\n\n| Measure | Value |\n|---|---|\n"
                   "| Late | ??% (?? of ?\?) |\n| Users | ?? |\n\n"
                   "Really?? Why?! It stopped at ?????\n",
                   (const char *const[]){"??% (?? of ?\?)", "??", "?????",
                                         NULL});
    /* MkDocs's collapsible admonition (QA's round 7) is no slot; three
     * question marks before a word that is no admonition type are. */
    expect_reports(state, UNFILLED,
                   PM "## Timeline\n\n??? users were affected.\n\n"
                   "??? note \"Full timeline\"\n\n    | Time | Event |\n",
                   (const char *const[]){"???", NULL});
}

static void
test_the_markers_setting_keeps_slots_and_formats(void **state)
{
    bl_rules *rules = fresh_rules();
    char err[128];
    const char *src = PM "## Impact\n\nTBD for {{region}} since HH:MM; XXX "
                         "users; ?? of them; lorem ipsum.\n";
    lint_run r;

    (void)state;
    assert_int_equal(bl_rules_set(rules, "placeholder.markers", "false", err,
                                  sizeof err), 0);
    lint_with(rules, src, strlen(src), &r);
    expect_in(&r, UNFILLED, (const char *const[]){"{{region}}", "HH:MM",
                                                  NULL});
    run_free(&r);
    bl_rules_free(rules);
}

/* --- Date and time formats ------------------------------------------------ */

/* Day first or month first, each in a document of its own: one that
 * writes both is about that order (see the test after the next). */
static void
test_date_and_time_formats(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Timeline\n\n- YYYY-MM-DD: start\n- HH:MM: page\n"
                   "- hh:mm:ss: ack\n- DD/MM/YYYY: end\n"
                   "- 20xx-MM-DD: report\n- YYYYMMDD: backup\n- XX:XX: fix\n"
                   "- YYYY-MM-DDTHH:MM: deploy\n",
                   (const char *const[]){"YYYY-MM-DD", "HH:MM", "hh:mm:ss",
                                         "DD/MM/YYYY", "20xx-MM-DD",
                                         "YYYYMMDD", "XX:XX",
                                         "YYYY-MM-DDTHH:MM", NULL});
    expect_reports(state, UNFILLED, PM "## Timeline\n\n- MM/DD: retro\n",
                   (const char *const[]){"MM/DD", NULL});
    expect_reports(state, UNFILLED,
                   PM "## Timeline\n\n- 2025-03-14 14:05 DDoS traffic hit "
                   "SSH and MySQL; dd and mm were run; HHVM; MMM; DD; the "
                   "tag sev1_YYYYMMDD.\n",
                   none);
}

/* A format the text talks about is named, not left to fill: in quotes,
 * after or before words that call it a format ("in the form", "expected",
 * "parser"), after "as" that a verb of reading or writing leads, or
 * beside another format of the same fields written differently.  A piece
 * of a quoted format is never reported.  A format in a field, a table
 * cell or a sentence with nothing of the kind is still a slot. */
static void
test_a_format_named_as_one_is_a_mention(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Root Cause\n\n"
                   "The parser expected DD/MM/YYYY but the provider sent "
                   "MM/DD/YYYY.\n\n"
                   "The field said \"YYYY-MM-DD\". The export wrote "
                   "\"DD/MM/YYYY\", the log \"HH:MM:SS\" and the form "
                   "\xE2\x80\x9CYYYY-MM-DD HH:MM\xE2\x80\x9D.\n\n"
                   "Dates in the form YYYY-MM-DD; the format: DD/MM; rather "
                   "than HH:MM; in the form of MM/DD; the importer kept "
                   "parsing the file as DD/MM/YYYY; an MM/DD/YYYY parser; "
                   "in DD/MM order.\n\n"
                   "Some rows had YYYY-MM-DD and others YYYY/MM/DD.\n\n"
                   "Tag messages older than 5 minutes as \"DELAYED since "
                   "hh:mm\"; the banner \xE2\x80\x9CStale since HH:MM "
                   "UTC\xE2\x80\x9D goes on top.\n",
                   none);
    expect_reports(state, UNFILLED,
                   PM "- **Date:** YYYY-MM-DD\n\n## Impact\n\n"
                   "Errors between HH:MM and 10:47 UTC. Update sent HH:MM. "
                   "Expected resolution: YYYY-MM-DD. The title said "
                   "\"Outage on YYYY-MM-DD\".\n\n"
                   "| Action | Owner | Due |\n|---|---|---|\n"
                   "| Cap relocations | @mtan | YYYY-MM-DD |\n",
                   (const char *const[]){"YYYY-MM-DD", "HH:MM", "HH:MM",
                                         "YYYY-MM-DD", "YYYY-MM-DD",
                                         "YYYY-MM-DD", NULL});
}

/* A document that writes day and month both ways round is about that
 * order: its DD/MM and MM/DD formats are names of formats, also where
 * the sentence says nothing of the kind.  A YYYY-MM-DD left in it is
 * still a slot, and one order alone is the template's. */
static void
test_a_document_about_day_and_month_order(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nThe provider switched its export from "
                   "DD/MM/YYYY to MM/DD/YYYY.\n\n## Root Cause\n\n"
                   "The guess stayed DD/MM/YYYY for the whole file.\n\n"
                   "- 16:20 Re-run with MM/DD/YYYY for this provider.\n\n"
                   "Reviewed on YYYY-MM-DD.\n",
                   (const char *const[]){"YYYY-MM-DD", NULL});
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nThe guess stayed DD/MM/YYYY.\n",
                   (const char *const[]){"DD/MM/YYYY", NULL});
}

/* A format is reported with the digits filled in around it, or not at
 * all when it is part of a name ("backup-YYYYMMDD.tar"); a range of two
 * is one run. */
static void
test_a_format_is_reported_whole_or_not_at_all(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Impact\n\nFrom 2025-MM-DD until MM-DD-2025, "
                   "daily HH:MM-HH:MM UTC.\n\n"
                   "Files are named YYYY-MM-DD-title.md and "
                   "backup-YYYYMMDD.tar, the build v1.2-MM.\n",
                   (const char *const[]){"2025-MM-DD", "MM-DD-2025",
                                         "HH:MM-HH:MM", NULL});
}

/* What a tool printed is quoted output, and a slot that stands alone in
 * quotation marks is mentioned, whether md4c reads it as HTML or not; a
 * slot inside a longer quotation, or bare, is still one. */
static void
test_quoted_slots_and_tool_output_in_angle_brackets(void **state)
{
    expect_reports(state, UNFILLED,
                   "# Postmortem: pages rendered as \"<no value>\"\n\n"
                   "## Summary\n\nThe page said \"<no value>\", then "
                   "<no value> again; the old template said \"<region "
                   "name>\" and \xE2\x80\x9C<owner>\xE2\x80\x9D, and "
                   "\"<service_name>\", \"{{service}}\" and "
                   "\"[Name]\".\n\n"
                   "## Impact\n\nThe <service name> failed for {{eta}}. "
                   "Title: \"<incident title> is degraded\".\n",
                   (const char *const[]){"<service name>", "{{eta}}",
                                         "<incident title>", NULL});
}

/* "[internal link]" stands for a link kept out of a published report, as
 * "[link removed]" does; a route's parameter ("/users/<id>") names part
 * of a path.  Slots that ask for a link or a name still are ones. */
static void
test_withheld_links_and_route_parameters(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nSee the design doc [internal link], "
                   "the [Internal URL], <private repo> and [link removed]. "
                   "GET /users/<id> failed, and so did /v2/employees/<id>/"
                   "leave and <bucket>/logs.\n\n"
                   "## Impact\n\nSee [link to ticket] and <link to "
                   "dashboard>; [Name] owns /v2/<org name>/repos.\n",
                   (const char *const[]){"[link to ticket]",
                                         "<link to dashboard>", "[Name]",
                                         "<org name>", NULL});
}

static void
test_neighbouring_slots_are_one_finding(void **state)
{
    lint_run r;
    const char *src = PM "## Timeline\n\n- YYYY-MM-DD HH:MM {{first sign}}\n"
                         "- [link to ticket]. MM/DD and HH:MM\n";
    size_t i;

    lint_with(*state, src, strlen(src), &r);
    expect_in(&r, UNFILLED,
              (const char *const[]){"YYYY-MM-DD HH:MM {{first sign}}",
                                    "[link to ticket]", "MM/DD", "HH:MM",
                                    NULL});
    for (i = 0; strcmp(r.d.items[i].rule->id, UNFILLED) != 0; i++)
        ;
    assert_non_null(strstr(r.d.items[i].message, "Unfilled template text"));
    run_free(&r);
}

static void
test_messages_name_the_slot_and_what_to_do(void **state)
{
    lint_run r;
    const char *src = PM "## Impact\n\nAbout {{number}} users.\n";
    size_t i;

    lint_with(*state, src, strlen(src), &r);
    for (i = 0; i < r.d.n; i++)
        if (strcmp(r.d.items[i].rule->id, UNFILLED) == 0)
            break;
    assert_true(i < r.d.n);
    assert_non_null(strstr(r.d.items[i].message, "\"{{number}}\""));
    assert_non_null(strstr(r.d.items[i].message, "replace it"));
    assert_null(r.d.items[i].fix);
    run_free(&r);
}

/* --- Empty fields ---------------------------------------------------------- */

static void
test_a_list_of_empty_fields(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nCheckout failed.\n\n"
                   "- Service(s) affected:\n- Team attribution: payments\n"
                   "- Minutes of downtime:\n\n## Impact\n\nNone.\n",
                   (const char *const[]){"Service(s) affected:",
                                         "Minutes of downtime:", NULL});
}

static void
test_labels_of_content_that_follows_are_not_empty_fields(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nCheckout failed.\n\n"
                   "- Contributing factors:\n  - no alert\n  - no test\n\n"
                   "1. Check the npm logs:\n\n```\ngrep shai ~/.npm\n```\n\n"
                   "- **Context**:\n\nThe plan was pushed to a branch.\n\n"
                   "- Created a new table.\n- Changed the logic so that:\n"
                   "- All writes go to the new table.\n",
                   none);
}

/* The last field of a list labels a code block, a table or a quote
 * right after the list, though the block, not indented, ended the list;
 * an empty field before another item is still one. */
static void
test_a_last_field_over_a_code_block_labels_it(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Summary\n\nCheckout failed.\n\n"
                   "- Sync job logs: `kubectl logs job/sync`\n"
                   "- Plan output excerpt:\n\n```\nDelete A 60\n```\n\n"
                   "- Ticket: OPS-1\n- Error rates:\n\n"
                   "| minute | errors |\n|---|---|\n| 09:14 | 3% |\n\n"
                   "- Owner:\n- Reviewer: Dana\n\n```\nlog\n```\n",
                   (const char *const[]){"Owner:", NULL});
}

/* The Google SRE book's example timeline marks where the outage starts
 * and ends in capitals between angle brackets: a marker, not a slot. */
static void
test_timeline_markers_in_capitals_are_not_slots(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Timeline (UTC)\n\n"
                   "- 09:14 First NXDOMAIN answers. <START OF OUTAGE>\n"
                   "- 09:40 Restore begins. <OUTAGE MITIGATED>\n"
                   "- 10:01 Error rate at baseline. <END OF IMPACT>\n"
                   "- 10:05 <start of impact> and <END OF SERVICE NAME>\n",
                   (const char *const[]){"<start of impact>",
                                         "<END OF SERVICE NAME>", NULL});
}

/* --- One finding per placeholder ------------------------------------------ */

static void
test_a_placeholder_only_section_is_left_to_section_empty(void **state)
{
    const char *src = PM "## Summary\n\nCheckout failed.\n\n## Impact\n\n"
                         "TBC\n\n## Responders\n\nTBD\n\n"
                         "## Lessons Learned\n\n### What went well\n\n"
                         "The alert fired.\n\n### What went wrong\n\n"
                         "{{what}}\n";
    bl_rules *rules = fresh_rules();
    lint_run r;

    lint_with(*state, src, strlen(src), &r);
    /* Impact and "What went wrong" hold nothing but a placeholder: one
     * section/empty finding each.  Responders is no canonical section. */
    expect_in(&r, "section/empty",
              (const char *const[]){"Impact", "What went wrong", NULL});
    expect_in(&r, UNFILLED, (const char *const[]){"TBD", NULL});
    run_free(&r);

    /* With section/empty off, each placeholder is reported here. */
    assert_int_equal(bl_rules_set_severity(rules, "section/empty",
                                           BL_SEV_OFF), 1);
    lint_with(rules, src, strlen(src), &r);
    expect_in(&r, UNFILLED, (const char *const[]){"TBC", "TBD", "{{what}}",
                                                  NULL});
    run_free(&r);
    bl_rules_free(rules);
}

static void
test_slots_inside_an_instruction_are_its_own(void **state)
{
    const char *src = PM "## Action Items\n\n_Each item should be a ticket "
                         "tagged sev1_YYYYMMDD, such as the one here; put "
                         "the due date as YYYY-MM-DD._\n";
    bl_rules *rules = fresh_rules();
    lint_run r;

    lint_with(*state, src, strlen(src), &r);
    assert_int_equal(count(&r, INSTRUCTIONS), 1);
    assert_int_equal(count(&r, UNFILLED), 0);
    run_free(&r);

    assert_int_equal(bl_rules_set_severity(rules, INSTRUCTIONS, BL_SEV_OFF),
                     1);
    lint_with(rules, src, strlen(src), &r);
    expect_in(&r, UNFILLED, (const char *const[]){"YYYY-MM-DD", NULL});
    run_free(&r);
    bl_rules_free(rules);
}

/* --- Instructions ----------------------------------------------------------- */

static void
test_italic_instructions_are_reported_on_their_span(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "## Impact\n\n_Describe the impact on users._\n\n"
                   "## Action Items\n\n*List the action items*\n\n"
                   "## Lessons Learned\n\n"
                   "_Be very specific here and include exact numbers._\n\n"
                   "***Summarize what went well.***\n",
                   (const char *const[]){"_Describe the impact on users._",
                                         "*List the action items*",
                                         "_Be very specific here and include "
                                         "exact numbers._",
                                         "***Summarize what went well.***",
                                         NULL});
}

static void
test_an_instruction_as_the_value_of_a_label(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "**Postmortem Owner:** _Your name goes here._\n\n"
                   "**Owner:** @mtan\n**Reviewers:** _List the reviewers "
                   "here._\n**Call recording:** _Link to the recording._\n\n"
                   "## Summary\n\nCheckout failed.\n",
                   (const char *const[]){"_Your name goes here._",
                                         "_List the reviewers here._",
                                         "_Link to the recording._", NULL});
}

static void
test_unanswered_italic_questions_are_prompts(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "## Responders\n\n* _Who was the IC?_\n"
                   "* _Who was the scribe?_\n  * Dana Ruiz\n\n"
                   "## Detection\n\n_How did we find out?_\n\n"
                   "The error-rate alert paged the on-call engineer.\n\n"
                   "## Messaging\n\n_What did we tell customers?_\n\n"
                   "## Open questions\n\n_Why did the retry storm stop?_\n\n"
                   "- _Which client retried first?_\n\n"
                   "## Summary\n\nCheckout failed.\n",
                   (const char *const[]){"_Who was the IC?_",
                                         "_What did we tell customers?_",
                                         NULL});
}

/* The answer may sit on the line right under the question, in the same
 * paragraph, even as the section's last paragraph; a second question
 * there is no answer. */
static void
test_questions_answered_on_the_next_line(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "## Detection\n\n_How did we find out?_\n"
                   "The error-rate alert paged the on-call engineer.\n\n"
                   "## Response\n\n_Who was paged?_\r\nDana, at 14:05.\r\n\n"
                   "## Messaging\n\n_What did we tell customers?_\n"
                   "_When did we tell them?_\n\n"
                   "## Summary\n\nCheckout failed.\n",
                   (const char *const[]){"_What did we tell customers?_",
                                         "_When did we tell them?_",
                                         NULL});
}

static void
test_template_guidance_without_an_imperative(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "## Timeline\n\n_Some important times to include: the "
                   "page, the status update (i.e. when it became public), "
                   "with links to the logs._\n\n"
                   "## Messaging\n\n_This is a follow-up for employees. It "
                   "should be sent after the meeting, with a short paragraph "
                   "and a link to this page._\n",
                   (const char *const[]){"_Some important times to include: "
                                         "the page, the status update (i.e. "
                                         "when it became public), with links "
                                         "to the logs._",
                                         "_This is a follow-up for employees."
                                         " It should be sent after the "
                                         "meeting, with a short paragraph "
                                         "and a link to this page._",
                                         NULL});
}

/* An instruction may open with a question, a label only templates use
 * ("Optional:") or a noun for what to write and how much ("A brief
 * summary of what happened", "One paragraph:"); what it asks for may
 * come in a later sentence ("List the things that helped.").  Alone in
 * its paragraph or one line of it. */
static void
test_instructions_after_a_question_a_label_or_a_noun(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "## Summary\n\n_A brief summary of what happened. Try "
                   "to make it as executive-friendly as possible._\n\n"
                   "## Detection\n\n_One paragraph: how the problem was "
                   "noticed._\n\n## Impact\n\n_Optional: link to the "
                   "dashboard._\n\n## Lessons Learned\n\n"
                   "*What went well? List the things that helped.*\n\n"
                   "- The alert fired.\n\n"
                   "Some went well.\n*What went wrong? Describe it.*\n"
                   "More to come.\n",
                   (const char *const[]){
                       "_A brief summary of what happened. Try to make it as "
                       "executive-friendly as possible._",
                       "_One paragraph: how the problem was noticed._",
                       "_Optional: link to the dashboard._",
                       "*What went well? List the things that helped.*",
                       "*What went wrong? Describe it.*", NULL});
}

static void
test_italic_content_is_not_an_instruction(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "_All times are UTC._\n\n_7/5/2023_\n\n"
                   "## Summary\n\n_Updated on 2025-03-14 to include the "
                   "vendor's report._\n\n_Describe_ the impact, then _list_ "
                   "it.\n\n_List of affected services: api, web._\n\n"
                   "_Thank you to the storage team for the quick help._\n\n"
                   "### _Describe the impact_\n\n"
                   "## Action Items\n\n"
                   "- _Add a confirmation prompt for production targets_\n"
                   "- _Include the region in alert titles_\n"
                   "- _Write a runbook for the failover_\n\n"
                   "<!-- Describe the impact here. -->\n\n"
                   "Describe the impact here.\n\n"
                   "**Describe the impact on users.**\n\n"
                   "__List the action items.__\n\n"
                   "_A short summary of this report was posted to the "
                   "status page._\n\n"
                   "_A brief overview of how the cache works follows._\n\n"
                   "_A short summary: the cache expired._\n\n"
                   "_Summary of the vendor's findings: the disk failed._\n\n"
                   "_We moved the service. Briefly, the cause was a bad "
                   "config._\n\n"
                   "_All times are UTC. Thanks to the storage team._\n",
                   none);
}

/* An editor's note ("_Update: ..._") is read from after its label: a
 * report of what changed is content, an instruction behind the label is
 * still one. */
static void
test_an_editors_note_is_judged_after_its_label(void **state)
{
    expect_reports(state, INSTRUCTIONS,
                   PM "*Update: we have included the vendor's analysis.*\n\n"
                   "*Update: the vendor's analysis is now included.*\n\n"
                   "_Update 2026-03-06: added the vendor's analysis; see "
                   "the changes at the end of this page._\n\n"
                   "_Correction: the outage lasted 49 minutes, not 40._\n\n"
                   "_Edit: included the second region's numbers._\n\n"
                   "## Summary\n\n_Describe the impact on customers._\n\n"
                   "*Note: describe the impact here.*\n",
                   (const char *const[]){
                       "_Describe the impact on customers._",
                       "*Note: describe the impact here.*", NULL});
}

/* --- Layouts ------------------------------------------------------------ */

static void
test_tables_task_lists_and_nested_lists(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Action Items\n\n"
                   "| Action item | Owner | Due |\n|---|---|---|\n"
                   "| Add an alert | @kim | TBD |\n"
                   "| Cap relocations | @mtan | YYYY-MM-DD |\n\n"
                   "- [ ] Pin the image (@kim, due [date])\n"
                   "- [x] Roll back\n"
                   "  1. Restore the config\n"
                   "     - Verify in <region name>\n",
                   (const char *const[]){"TBD", "YYYY-MM-DD", "[date]",
                                         "<region name>", NULL});
    expect_reports(state, INSTRUCTIONS,
                   PM "## Impact\n\n| Measure | Value |\n|---|---|\n"
                   "| Users | _Put the number of affected users here._ |\n\n"
                   "## Action Items\n\n- [ ] _Describe the change._\n",
                   (const char *const[]){
                       "_Put the number of affected users here._",
                       "_Describe the change._", NULL});
}

static void
test_numbered_emoji_and_setext_headings(void **state)
{
    const char *src = "Incident: checkout outage\n=========================\n\n"
                      "## 2. \xF0\x9F\x93\x89 Impact\n\nTBC\n\n"
                      "Root cause\n----------\n\nThe cache expired; TBD "
                      "why.\n\n### 3.1 {{subsection}}\n\nText.\n";
    lint_run r;

    lint_with(*state, src, strlen(src), &r);
    expect_in(&r, "section/empty",
              (const char *const[]){"2. \xF0\x9F\x93\x89 Impact", NULL});
    expect_in(&r, UNFILLED, (const char *const[]){"TBD", "{{subsection}}",
                                                  NULL});
    run_free(&r);
}

static void
test_crlf_spans_stop_before_the_line_end(void **state)
{
    const char *src = "# Postmortem: x\r\n\r\n## Impact\r\n\r\n"
                      "About {{number}} users, since HH:MM\r\n"
                      "**Owner:** _Your name goes here._\r\n";
    lint_run r;

    lint_with(*state, src, strlen(src), &r);
    expect_in(&r, UNFILLED, (const char *const[]){"{{number}}", "HH:MM",
                                                  NULL});
    expect_in(&r, INSTRUCTIONS,
              (const char *const[]){"_Your name goes here._", NULL});
    run_free(&r);
}

static void
test_front_matter_is_not_prose(void **state)
{
    expect_reports(state, UNFILLED,
                   "---\ntype: postmortem\ntitle: <service> outage on "
                   "YYYY-MM-DD\nowner: TBD\n---\n\n# Checkout outage\n\n"
                   "Owner: {{owner}}\n",
                   (const char *const[]){"{{owner}}", NULL});
}

static void
test_inside_details_blocks(void **state)
{
    expect_reports(state, UNFILLED,
                   PM "## Timeline\n\n<details>\n<summary>Raw log at HH:MM"
                   "</summary>\n\nThe log for <service name> is TBD.\n\n"
                   "```\n<none> TODO\n```\n\n</details>\n",
                   (const char *const[]){"<service name>", "TBD", NULL});
}

/* --- Hostile input ----------------------------------------------------------- */

/* Returns a heap string: prefix, then unit repeated n times. */
static char *
repeat(const char *prefix, const char *unit, size_t n, size_t *p_len)
{
    size_t pl = strlen(prefix), ul = strlen(unit), i;
    char *s = malloc(pl + ul * n + 1);

    assert_non_null(s);
    memcpy(s, prefix, pl);
    for (i = 0; i < n; i++)
        memcpy(s + pl + i * ul, unit, ul);
    s[pl + ul * n] = '\0';
    *p_len = pl + ul * n;
    return s;
}

/* Generous for the sanitizer build on a shared machine, yet far below
 * what one quadratic pass over these inputs costs. */
#define HOSTILE_CPU_SECONDS 10

static void
test_hostile_input_finishes_without_harm(void **state)
{
    static const char *const units[] = {
        "{{", "{{x}}", "<", "<a b ", "[", "[Name] ", "??", "XXX ", "_",
        "_Describe *", "<!--", "TBD ", "HH:MM-", "\xff\xfe{{\xff}}",
        "- Label:\n", "> ", "<x>\n", "Y", "20xx-", NULL
    };
    size_t k;

    for (k = 0; units[k] != NULL; k++) {
        size_t n;
        char *src = repeat(PM "## Impact\n\n", units[k], 20000, &n);
        clock_t start = clock();
        lint_run r;
        lint_with(*state, src, n, &r);
        if ((clock() - start) / CLOCKS_PER_SEC > HOSTILE_CPU_SECONDS)
            fail_msg("\"%s\" x 20000 took over %d s", units[k],
                     HOSTILE_CPU_SECONDS);
        run_free(&r);
        free(src);
    }
    {
        /* Deep nesting: lists and quotes 500 levels down, a slot at the
         * bottom. */
        size_t n;
        char *src = repeat(PM "## Impact\n\n", "> - ", 500, &n), *full;
        lint_run r;
        full = malloc(n + 20);
        assert_non_null(full);
        memcpy(full, src, n);
        memcpy(full + n, "{{x}} _Describe_\n", 18);
        lint_with(*state, full, n + 17, &r);
        run_free(&r);
        free(full);
        free(src);
    }
}

/* --- The template of `blamelint new postmortem` -------------------------- */

static void
test_the_template_has_every_section_in_order(void **state)
{
    const bl_rules *rules = *state;
    size_t n, i, next = 0;
    char *text = tu_read_file("rules/templates/postmortem.md", &n);
    bl_doc *doc = tu_parse_n(text, n);

    /* Each canonical section of sections.rules, in the rules' order. */
    for (i = 0; i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        size_t tn;
        const char *t;
        int part, h;
        if (s->title_unit < 0 || s->level == 1)
            continue;
        t = bl_unit_text(doc, &doc->units.items[s->title_unit], &tn);
        h = bl_heading_classify(rules, "postmortem", t, tn, &part);
        assert_true(h >= 0);
        assert_int_equal(part, 0);
        /* Skip headings of other profiles, if a rule set has them. */
        while (next < rules->headings.n
               && strcmp(rules->headings.items[next].profile, "postmortem"))
            next++;
        assert_int_equal(h, (int)next);
        next++;
    }
    while (next < rules->headings.n
           && strcmp(rules->headings.items[next].profile, "postmortem"))
        next++;
    assert_int_equal(next, rules->headings.n);
    bl_doc_free(doc);
    free(text);
}

static void
test_the_template_reports_only_what_is_left_to_fill(void **state)
{
    size_t n, i;
    char *text = tu_read_file("rules/templates/postmortem.md", &n);
    lint_run r;

    lint_with(*state, text, n, &r);
    for (i = 0; i < r.d.n; i++) {
        const char *id = r.d.items[i].rule->id;
        if (strcmp(id, UNFILLED) != 0 && strcmp(id, "section/empty") != 0) {
            dump(&r);
            fail_msg("the template reports %s", id);
        }
    }
    assert_true(count(&r, UNFILLED) >= 10);
    assert_int_equal(count(&r, "section/empty"), 2);   /* Summary, Impact */
    run_free(&r);
    free(text);
}

static void
test_the_filled_in_template_is_clean(void **state)
{
    size_t n;
    char *text = tu_read_file("corpus/template-postmortem-filled.md", &n);
    lint_run r;

    lint_with(*state, text, n, &r);
    if (r.d.n > 0)
        dump(&r);
    assert_int_equal(r.d.n, 0);
    run_free(&r);
    free(text);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_documents_that_are_not_postmortems_are_not_checked),
        cmocka_unit_test(test_braces_are_slots_unless_they_are_an_expression),
        cmocka_unit_test(test_angle_slots_that_md4c_reads_as_html),
        cmocka_unit_test(test_real_html_autolinks_code_and_output_are_not_slots),
        cmocka_unit_test(test_element_names_that_are_also_slots),
        cmocka_unit_test(test_a_slot_alone_on_its_line_is_an_html_block),
        cmocka_unit_test(test_bracketed_slots_but_not_links_footnotes_or_tags),
        cmocka_unit_test(test_redaction_markers_are_not_slots),
        cmocka_unit_test(test_markers_are_unfinished_text_even_inside_a_sentence),
        cmocka_unit_test(test_a_todo_talked_about_is_a_comment_in_code),
        cmocka_unit_test(test_todo_is_a_state_in_action_items),
        cmocka_unit_test(test_todo_is_a_state_under_an_action_items_label),
        cmocka_unit_test(test_markers_mentioned_quoted_or_in_code_are_not_reported),
        cmocka_unit_test(test_slot_words_start_only_where_a_word_does),
        cmocka_unit_test(test_xxx_is_a_blank_value_but_not_a_redaction),
        cmocka_unit_test(test_question_marks_standing_for_a_number),
        cmocka_unit_test(test_the_markers_setting_keeps_slots_and_formats),
        cmocka_unit_test(test_date_and_time_formats),
        cmocka_unit_test(test_a_format_named_as_one_is_a_mention),
        cmocka_unit_test(test_a_document_about_day_and_month_order),
        cmocka_unit_test(test_a_format_is_reported_whole_or_not_at_all),
        cmocka_unit_test(test_quoted_slots_and_tool_output_in_angle_brackets),
        cmocka_unit_test(test_withheld_links_and_route_parameters),
        cmocka_unit_test(test_neighbouring_slots_are_one_finding),
        cmocka_unit_test(test_messages_name_the_slot_and_what_to_do),
        cmocka_unit_test(test_a_list_of_empty_fields),
        cmocka_unit_test(test_labels_of_content_that_follows_are_not_empty_fields),
        cmocka_unit_test(test_a_last_field_over_a_code_block_labels_it),
        cmocka_unit_test(test_timeline_markers_in_capitals_are_not_slots),
        cmocka_unit_test(test_a_placeholder_only_section_is_left_to_section_empty),
        cmocka_unit_test(test_slots_inside_an_instruction_are_its_own),
        cmocka_unit_test(test_italic_instructions_are_reported_on_their_span),
        cmocka_unit_test(test_an_instruction_as_the_value_of_a_label),
        cmocka_unit_test(test_unanswered_italic_questions_are_prompts),
        cmocka_unit_test(test_questions_answered_on_the_next_line),
        cmocka_unit_test(test_template_guidance_without_an_imperative),
        cmocka_unit_test(test_instructions_after_a_question_a_label_or_a_noun),
        cmocka_unit_test(test_italic_content_is_not_an_instruction),
        cmocka_unit_test(test_an_editors_note_is_judged_after_its_label),
        cmocka_unit_test(test_tables_task_lists_and_nested_lists),
        cmocka_unit_test(test_numbered_emoji_and_setext_headings),
        cmocka_unit_test(test_crlf_spans_stop_before_the_line_end),
        cmocka_unit_test(test_front_matter_is_not_prose),
        cmocka_unit_test(test_inside_details_blocks),
        cmocka_unit_test(test_hostile_input_finishes_without_harm),
        cmocka_unit_test(test_the_template_has_every_section_in_order),
        cmocka_unit_test(test_the_template_reports_only_what_is_left_to_fill),
        cmocka_unit_test(test_the_filled_in_template_is_clean),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
