/*
 * timeline_test.c: the timeline/ rules (src/engine/timeline.c):
 * out-of-order and no-timezone, in every layout teams write timelines in.
 *
 * Each case is a small postmortem.  Expected positions are given as the
 * text the finding must start at (tu_off), and messages by the part that
 * names the times, so a case fails when the rule reports the wrong entry
 * or blames the wrong previous one.
 */
#include "testutil.h"

#include <stdio.h>

#include "engine/rules.h"

#define ORDER "timeline/out-of-order"
#define ZONE "timeline/no-timezone"

/* A postmortem around a timeline body; the heading states the zone so
 * that only the order is in question. */
#define TITLE "# Incident 2024-03-01: checkout errors\n\n"
#define TIMELINE(body) \
    TITLE "## Summary\n\nCheckout failed for some users.\n\n" \
    "## Timeline (UTC)\n\n" body "\n## Root cause\n\nA pool size change.\n"
/* The same with a heading that states no zone. */
#define BARE_TIMELINE(body) \
    TITLE "## Summary\n\nCheckout failed for some users.\n\n" \
    "## Timeline\n\n" body "\n## Root cause\n\nA pool size change.\n"

typedef struct run {
    bl_doc *doc;
    bl_diags d;
} run;

static void
lint(void **state, const char *src, run *r)
{
    r->doc = tu_parse(src);
    memset(&r->d, 0, sizeof r->d);
    assert_int_equal(bl_lint(*state, r->doc, &r->d), 0);
}

static void
run_free(run *r)
{
    bl_diags_free(&r->d);
    bl_doc_free(r->doc);
}

static size_t
count_id(const run *r, const char *id)
{
    size_t i, n = 0;

    for (i = 0; i < r->d.n; i++)
        n += strcmp(r->d.items[i].rule->id, id) == 0;
    return n;
}

/* The k-th finding of rule id. */
static const bl_diag *
nth(const run *r, const char *id, size_t k)
{
    size_t i;

    for (i = 0; i < r->d.n; i++)
        if (strcmp(r->d.items[i].rule->id, id) == 0 && k-- == 0)
            return &r->d.items[i];
    fail_msg("no finding %zu of %s", k, id);
    return NULL;
}

static void
print_findings(const run *r, const char *id)
{
    size_t i;

    for (i = 0; i < r->d.n; i++)
        if (strcmp(r->d.items[i].rule->id, id) == 0)
            print_error("  %zu-%zu %s\n", r->d.items[i].begin,
                        r->d.items[i].end, r->d.items[i].message);
}

/* src has exactly n findings of rule id; when `at` is given, the first
 * starts at the text `at` and covers `span` bytes; when `says` is given,
 * its message contains it. */
static void
expect(void **state, const char *src, const char *id, size_t n,
       const char *at, size_t span, const char *says)
{
    run r;

    lint(state, src, &r);
    if (count_id(&r, id) != n) {
        print_error("%s: want %zu findings, got %zu in:\n%s\n", id, n,
                    count_id(&r, id), src);
        print_findings(&r, id);
    }
    assert_int_equal(count_id(&r, id), n);
    if (n > 0 && at != NULL) {
        const bl_diag *f = nth(&r, id, 0);
        assert_int_equal(f->begin, tu_off(r.doc, at));
        assert_int_equal(f->end - f->begin, span);
    }
    if (n > 0 && says != NULL && strstr(nth(&r, id, 0)->message, says) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", nth(&r, id, 0)->message,
                 says);
    run_free(&r);
}

static void
expect_order_silent(void **state, const char *src)
{
    expect(state, src, ORDER, 0, NULL, 0, NULL);
}

/* --- The rules are there ------------------------------------------------- */

static void
test_rules_and_setting_are_declared(void **state)
{
    const bl_rule_info *order = bl_rules_find(*state, ORDER);
    const bl_rule_info *zone = bl_rules_find(*state, ZONE);
    size_t i;
    int found = 0;

    assert_non_null(order);
    assert_non_null(zone);
    assert_int_equal(order->severity, BL_SEV_WARNING);
    assert_int_equal(zone->severity, BL_SEV_INFO);
    for (i = 0; i < bl_rules_setting_count(*state); i++) {
        const bl_setting_info *s = bl_rules_setting_at(*state, i);
        if (strcmp(s->key, "timeline.rollover-hours") == 0) {
            assert_string_equal(s->default_value, "12");
            assert_string_equal(s->type, "int");
            found = 1;
        }
    }
    assert_true(found);
}

/* --- out-of-order: the layouts ------------------------------------------- */

static void
test_list_items(void **state)
{
    expect(state, TIMELINE("- 14:02 Alerts fire.\n"
                           "- 14:30 Rollback complete.\n"
                           "- 14:10 On-call acknowledges.\n"
                           "- 14:40 Error rate back to baseline.\n"),
           ORDER, 1, "14:10 On-call", 5,
           "14:10 comes after 14:30 (line 10) with no date change");
    expect_order_silent(state, TIMELINE("- 14:02 Alerts fire.\n"
                                        "- 14:10 On-call acknowledges.\n"
                                        "- 14:10 Rollback starts.\n"
                                        "- 14:30 Rollback complete.\n"));
}

static void
test_bracketed_and_bold_times(void **state)
{
    expect(state, TIMELINE("* [13:26] Prow is slow.\n"
                           "* [16:04] Pods pending.\n"
                           "* [15:19] CPU usage is high.\n"),
           ORDER, 1, "15:19]", 5, "15:19 comes after 16:04 (line 10)");
    expect(state, TIMELINE("- **16:58 UTC** - Writer saturates.\n"
                           "- **17:12 UTC** - Retries begin.\n"
                           "- **17:05 UTC** - Pods crash.\n"),
           ORDER, 1, "17:05 UTC", 5, "17:05 comes after 17:12 (line 10)");
}

static void
test_ordered_and_task_and_nested_lists(void **state)
{
    expect(state, TIMELINE("1. 03:00 Patch window starts.\n"
                           "2. 03:25 All nodes are sealed.\n"
                           "   - 03:05 The first node came up sealed.\n"
                           "3. 03:31 The alert pages Chen.\n"),
           ORDER, 1, "03:05 The first", 5, "03:05 comes after 03:25");
    expect(state, TIMELINE("- [x] 10:05 Flag edited.\n"
                           "- [x] 10:40 Sign-ups drop.\n"
                           "- [ ] 10:06 Flag propagates.\n"),
           ORDER, 1, "10:06", 5, NULL);
    /* Details under an entry are not entries. */
    expect_order_silent(state, TIMELINE(
        "- 03:05 The first node comes up sealed.\n"
        "  - The node logs an access error.\n"
        "  - The restart continues.\n"
        "- 03:25 All nodes are sealed.\n"));
}

static void
test_table_rows(void **state)
{
    expect(state, TIMELINE("| Time | Event |\n|------|-------|\n"
                           "| 14:02 | Config push. |\n"
                           "| 14:41 | Revert. |\n"
                           "| 14:20 | Alert ignored. |\n"),
           ORDER, 1, "14:20 |", 5, "14:20 comes after 14:41 (line 12)");
    /* The time column need not be the first. */
    expect(state, TIMELINE("| Actor | Time (UTC) | Event |\n|---|---|---|\n"
                           "| Arjun | 18:55 | Drafts a rule at 19:30. |\n"
                           "| Arjun | 18:40 | Sees a spike. |\n"),
           ORDER, 1, "18:40", 5, "18:40 comes after 18:55");
    /* Without a Time header, the cells that open the row. */
    expect(state, TIMELINE("| 14:02 | Config push. |\n|---|---|\n"
                           "| 14:41 | Revert. |\n"
                           "| 14:20 | Alert. |\n"),
           ORDER, 1, "14:20", 5, NULL);
    /* An event cell's own times do not order the row. */
    expect_order_silent(state, TIMELINE(
        "| Time | Event |\n|---|---|\n"
        "| 14:06 | Alert fires; acknowledged at 14:08. |\n"
        "| 14:07 | Dana joins. |\n"));
    /* Other tables in the section with no dates or times. */
    expect_order_silent(state, TIMELINE(
        "| Metric | Value |\n|---|---|\n| Time to detect | 00:12 |\n"
        "| Time to resolve | 00:05 |\n"));
}

static void
test_date_and_time_columns(void **state)
{
    /* The same date on both rows: the swap is real. */
    expect(state, TIMELINE("| Date and time | Event |\n|---|---|\n"
                           "| 2021-12-13 15:50 | Scan started. |\n"
                           "| 2021-12-13 14:30 | First contact. |\n"
                           "| 2021-12-14 09:15 | Second scan. |\n"),
           ORDER, 1, "14:30", 5, "14:30 comes after 15:50 (line 11)");
    /* Separate Day, Date and Time columns. */
    expect_order_silent(state, TIMELINE(
        "| Day | Date | Time (UTC) | Event |\n|---|---|---|---|\n"
        "| Wed | Dec 15 | 22:40 | Unusual login. |\n"
        "| Wed | Dec 15 | 23:45 | VPN replaced. |\n"
        "| Thu | Dec 16 | 08:10 | Review. |\n"));
    expect(state, TIMELINE(
        "| Day | Date | Time (UTC) | Event |\n|---|---|---|---|\n"
        "| Wed | Dec 15 | 22:40 | Unusual login. |\n"
        "| Wed | Dec 15 | 21:45 | VPN replaced. |\n"),
        ORDER, 1, "21:45", 5, NULL);
    /* After a span of days, the next bare time could be on either. */
    expect_order_silent(state, TIMELINE(
        "- Mar 1 14:00 - Mar 2 09:00 Migration runs.\n"
        "- 08:00 Second pass.\n"));
    /* Rows with a date alone, and a range of dates. */
    expect_order_silent(state, TIMELINE(
        "| Date / time | Event |\n|---|---|\n"
        "| Oct 24 | Password rotated. |\n"
        "| Oct 25 - Nov 11 | Backups fail nightly. |\n"
        "| Nov 12 08:15 | Volume fails. |\n"
        "| Nov 12 15:20 | Restore complete. |\n"));
}

static void
test_one_heading_per_timestamp(void **state)
{
    expect(state, TIMELINE("### 2019-02-20 08:03\n\nLogs stop.\n\n"
                           "### 2019-02-20 10:12\n\nDeploy fails.\n\n"
                           "### 12:00\n\nAPI server logs found.\n\n"
                           "### 11:30\n\nNodes drained.\n\n"
                           "### 2019-02-21 09:00\n\nFixed.\n"),
           ORDER, 1, "11:30", 5, "11:30 comes after 12:00 (line 17)");
    /* A heading time with its title, am/pm on one only. */
    expect_order_silent(state, TIMELINE("### 07:30am - First report\n\n"
                                        "Slow launches.\n\n"
                                        "### 07:35 - Node limit\n\n"
                                        "Raised.\n"));
}

static void
test_paragraph_entries(void **state)
{
    expect(state, TIMELINE("15:35 - Plan pushed to a branch.\n\n"
                           "16:48 - More secrets found.\n\n"
                           "16:08 - Leak first noticed.\n"),
           ORDER, 1, "16:08", 5, "16:08 comes after 16:48 (line 11)");
    /* A definition-list style entry: the time on a line of its own. */
    expect_order_silent(state, TIMELINE("13:20\n:   Release starts.\n\n"
                                        "13:35\n:   Rollout completes.\n"));
    /* Prose that mentions an earlier time is not an entry. */
    expect_order_silent(state, TIMELINE("- 14:30 Rollback complete.\n\n"
                                        "The error rate had been high "
                                        "since 13:50.\n"));
}

static void
test_paragraph_read_line_by_line(void **state)
{
    /* A plain-text timeline soft-wrapped into one paragraph. */
    expect(state, TIMELINE("09:12 Storage latency climbs.\n"
                           "09:16 The on-call is paged.\n"
                           "09:14 The primary stops acknowledging.\n"
                           "09:31 The API recovers.\n"),
           ORDER, 1, "09:14", 5, "09:14 comes after 09:16 (line 10)");
    /* One entry wrapped onto a line that starts with a time. */
    expect_order_silent(state, TIMELINE(
        "12:30 UTC - Rollback completed; errors had been elevated since\n"
        "12:05 UTC when the deploy began.\n"));
}

static void
test_date_subheadings_and_date_lines(void **state)
{
    expect_order_silent(state, TIMELINE("### 2020-02-20\n\n"
                                        "- 21:17 Authors report.\n"
                                        "- 22:48 Fix deployed.\n\n"
                                        "### 2020-02-21\n\n"
                                        "- 09:27 Another report.\n"));
    expect(state, TIMELINE("### 2020-02-20\n\n"
                           "- 21:17 Authors report.\n"
                           "- 22:48 Fix deployed.\n"
                           "- 22:16 Status page updated.\n"),
           ORDER, 1, "22:16", 5, NULL);
    /* Date lines as paragraphs, in several formats. */
    expect_order_silent(state, TIMELINE("2019-01-22\n\n"
                                        "- 2:54 PM PST: PR merged.\n"
                                        "- 3:28 PM PST: Config uploaded.\n\n"
                                        "2019-01-23\n\n"
                                        "- 4:49 AM: First report.\n"));
    expect_order_silent(state, TIMELINE("_7/5/2023_\n\n"
                                        "18:41 PM: Machines verified.\n\n"
                                        "_7/6/23_\n\n"
                                        "07:05 AM: Attachment clean.\n"));
    /* Each of these would be a finding without its date. */
    expect_order_silent(state, TIMELINE("- 14:00 Migration starts.\n"
                                        "- Day 2\n"
                                        "- 09:00 Migration resumes.\n"));
    expect_order_silent(state, TIMELINE("- 14:00 Migration starts.\n\n"
                                        "The next day:\n\n"
                                        "- 09:00 Migration resumes.\n"));
    expect_order_silent(state, TIMELINE("- 2/27 14:00 Migration starts.\n"
                                        "- 2/28 09:00 Migration resumes.\n"));
    expect_order_silent(state, TIMELINE("- Fri 09:40 Disk alert fires.\n"
                                        "- Sat 02:47 On-call paged.\n"
                                        "- Sat 09:31 Indexing resumes.\n"));
    expect(state, TIMELINE("- 14:00 Migration starts.\n"
                           "- 09:00 Migration resumes.\n"),
           ORDER, 1, "09:00", 5, NULL);
}

static void
test_dates_on_entries(void **state)
{
    expect_order_silent(state, TIMELINE("- Mar 1 09:50 Deploy.\n"
                                        "- Mar 2 08:10 Alert.\n"
                                        "- Mar 2 11:00 Review.\n"));
    expect(state, TIMELINE("- Mar 1, 2024 14:00 Deploy.\n"
                           "- Mar 1, 2024 13:00 Alert.\n"),
           ORDER, 1, "13:00", 5, NULL);
    /* The same day written two ways. */
    expect(state, TIMELINE("- 2024-03-01 14:00 Deploy.\n"
                           "- March 1st 13:00 Alert.\n"),
           ORDER, 1, "13:00", 5, NULL);
    expect_order_silent(state, TIMELINE("- 1 March 2024 14:00 Deploy.\n"
                                        "- 2 March 2024 13:00 Alert.\n"));
    /* A template's date slots stand for different days. */
    expect_order_silent(state, TIMELINE("YYYY-MM-DD\n\n"
                                        "- 00:00 UTC - something happened\n"
                                        "- 00:01 UTC - something else\n\n"
                                        "YYYY-MM-DD+1\n\n"
                                        "- 00:00 UTC - and then this\n"));
}

/* An entry dated on its own, among entries without a date, is on a day
 * of its own: the next undated time may be any later day ("18:55 (6
 * May)" the evening before, then "09:38" on the day of the incident).
 * Steps back after that are still reported. */
static void
test_an_entry_dated_alone_is_on_another_day(void **state)
{
    expect(state, TIMELINE("- 18:55 (6 May) \xE2\x80\x94 Retention set to "
                           "1 hour.\n"
                           "- 09:38 \xE2\x80\x94 Pods crash.\n"
                           "- 09:40 \xE2\x80\x94 Lag climbs.\n"
                           "- 09:39 \xE2\x80\x94 Swapped entry.\n"),
           ORDER, 1, "09:39", 5, NULL);
    expect_order_silent(state, TIMELINE("- 2024-05-06 18:55 Change.\n"
                                        "- 09:38 Crash.\n"
                                        "- 09:40 Lag.\n"));
    /* Without the date, 18:55 then 09:38 is a step back of over 12 h. */
    expect(state, TIMELINE("- 18:55 Change.\n- 09:38 Crash.\n"),
           ORDER, 1, "09:38", 5, NULL);
}

/* A subsection starts over: a table of key timestamps that ends on the
 * closing day does not put the detailed timeline after it on that day
 * (incident.io's export).  Within the subsection, order still counts. */
static void
test_a_subsection_does_not_inherit_the_last_date(void **state)
{
    expect_order_silent(state, TIMELINE(
        "### Key timestamps\n\n| Event | Time |\n|---|---|\n"
        "| Started | 2024-05-09 14:00 |\n| Closed | 2024-05-10 10:30 |\n\n"
        "### Incident timeline\n\n**14:00** Flag changed.\n\n"
        "**15:08** Resolved.\n\n**2024-05-10 10:30** Closed.\n"));
    expect(state, TIMELINE(
        "### Key timestamps\n\n| Event | Time |\n|---|---|\n"
        "| Closed | 2024-05-10 10:30 |\n\n"
        "### Incident timeline\n\n**15:08** Resolved.\n\n"
        "**14:00** Flag changed.\n"),
           ORDER, 1, "14:00", 5, NULL);
}

/* Spreadsheet and European dates: "03-Mar" (Excel's and Sheets'
 * default), "3-Mar-2026", "Mar-04", "04.03.", "D+1", "20260304". */
static void
test_more_date_formats(void **state)
{
    static const char *const days[][2] = {
        {"03-Mar", "04-Mar"}, {"3-Mar-2026", "4-Mar-2026"},
        {"03-Mar-26", "04-Mar-26"}, {"Mar-03", "Mar-04"},
        {"03.03.", "04.03."}, {"D+0", "D+1"}, {"20260303", "20260304"},
    };
    char src[512];
    size_t i;

    for (i = 0; i < sizeof days / sizeof days[0]; i++) {
        snprintf(src, sizeof src, TIMELINE("- %s 18:00 Deploy.\n"
                                           "- 18:20 Errors rise.\n"
                                           "- %s 09:00 Customer report.\n"
                                           "- 09:30 Rollback.\n"),
                 days[i][0], days[i][1]);
        expect_order_silent(state, src);
        /* The same day twice: the swap is real. */
        snprintf(src, sizeof src, TIMELINE("- %s 18:00 Deploy.\n"
                                           "- %s 17:20 Errors rise.\n"),
                 days[i][1], days[i][1]);
        expect(state, src, ORDER, 1, "17:20", 5, NULL);
    }
    /* In a Date column beside a Time column. */
    expect_order_silent(state, TIMELINE(
        "| Date | Time | Event |\n|---|---|---|\n"
        "| 03-Mar | 18:20 | Error rate rises. |\n"
        "| 04-Mar | 09:00 | Customer report. |\n"));
    /* The same day written two ways. */
    expect(state, TIMELINE("- 2026-03-04 14:00 Deploy.\n"
                           "- 4-Mar 13:00 Alert.\n"),
           ORDER, 1, "13:00", 5, NULL);
}

/* A date the rule cannot read ("03-04": March 4 or April 3?) is still a
 * date: the next bare time may be on another day, so it is not compared
 * across it.  Written the same way twice, it is the same day. */
static void
test_unread_dates_start_a_new_day(void **state)
{
    expect_order_silent(state, TIMELINE("- 03-03 18:00 Deploy.\n"
                                        "- 18:20 Errors rise.\n"
                                        "- 03-04 09:00 Customer report.\n"
                                        "- 09:30 Rollback.\n"));
    expect_order_silent(state, TIMELINE(
        "| Date | Time | Event |\n|---|---|---|\n"
        "| 3rd/Mar | 18:20 | Error rate rises. |\n"
        "| 4th/Mar | 09:00 | Customer report. |\n"));
    expect(state, TIMELINE("- 03-04 18:00 Deploy.\n"
                           "- 03-04 17:20 Errors rise.\n"),
           ORDER, 1, "17:20", 5, NULL);
    /* Versions and durations after the time are no dates. */
    expect(state, TIMELINE("- 14:30 Rollback to 4.2.1.\n"
                           "- 14:02 Alert fires.\n"),
           ORDER, 1, "14:02", 5, NULL);
}

/* --- out-of-order: what a time is ---------------------------------------- */

static void
test_only_the_first_time_orders_an_entry(void **state)
{
    expect_order_silent(state, TIMELINE("- 14:02 - 14:40 Rollback.\n"
                                        "- 14:10 Alert acknowledged.\n"));
    expect_order_silent(state, TIMELINE("- 16:30 to 21:10 Refunds run.\n"
                                        "- 17:00 Finance informed.\n"));
    /* A date in the entry's text is not a date change. */
    expect(state, TIMELINE("- 14:30 Rollback of the 2024-02-28 release.\n"
                           "- 14:02 Alert fires.\n"),
           ORDER, 1, "14:02", 5, NULL);
}

static void
test_durations_and_versions_are_not_times(void **state)
{
    expect_order_silent(state, TIMELINE("- 14:02 Outage begins.\n"
                                        "- 10:00 minutes of queueing.\n"
                                        "- 4.2.1 is rolled back.\n"
                                        "- 14:30 Recovery.\n"));
    /* A capitalised word after the time starts the event. */
    expect(state, TIMELINE("- 14:30 Rollback.\n- 14:02 Second alert.\n"),
           ORDER, 1, "14:02 Second", 5, NULL);
    expect_order_silent(state, TIMELINE("- 14:02 Outage begins.\n"
                                        "- 1:2 ratio of retries.\n"
                                        "- 10:30.5 seconds of lag.\n"));
}

/* The German and French 24-hour clocks: "14.05 Uhr", "14 Uhr", "14h05".
 * A dot without "Uhr" is a date or a version, never a time. */
static void
test_german_and_french_clocks(void **state)
{
    expect(state, TIMELINE("- 14.05 Uhr Alarm.\n- 14.30 Uhr Rollback.\n"
                           "- 14.10 Uhr Bereitschaft.\n"),
           ORDER, 1, "14.10 Uhr", 9, "14.10 Uhr comes after 14.30 Uhr");
    expect(state, TIMELINE("- 9.30 Uhr Alarm.\n- 10 Uhr Rollback.\n"
                           "- 9.45 Uhr Bereitschaft.\n"),
           ORDER, 1, "9.45 Uhr", 8, NULL);
    expect(state, TIMELINE("- 14h05 Alerte.\n- 14h30 Rollback.\n"
                           "- 14h10 Astreinte.\n"),
           ORDER, 1, "14h10", 5, "14h10 comes after 14h30");
    /* Both keep a 24-hour clock: 1h10 is not ten past one in the
     * afternoon. */
    expect(state, TIMELINE("- 11h08 Alerte.\n- 1h10 Astreinte.\n"),
           ORDER, 1, "1h10", 4, NULL);
    expect(state, TIMELINE("- 14.05. 10 Uhr Alarm.\n"
                           "- 14.05. 9 Uhr Rollback.\n"),
           ORDER, 1, "9 Uhr", 5, NULL);
    expect_order_silent(state, TIMELINE("- 14.30 Uhr Alarm.\n"
                                        "- 14.05 v14.05 deployed.\n"
                                        "- 14h05m of lag.\n"));
    /* Times in these clocks need a zone too. */
    expect(state, BARE_TIMELINE("- 14h05 Alerte.\n"), ZONE, 1, NULL, 0,
           NULL);
}

static void
test_twelve_hour_clock(void **state)
{
    expect_order_silent(state, TIMELINE("- 11:50 AM Deploy.\n"
                                        "- 12:05 PM Alert.\n"
                                        "- 1:10 PM Rollback.\n"));
    expect(state, TIMELINE("- 14:30 Rollback.\n"
                           "- 2:05 PM Alert.\n"),
           ORDER, 1, "2:05 PM", 7, "2:05 PM comes after 14:30 (line 9)");
    expect(state, TIMELINE("- 10:00 a.m. Deploy.\n"
                           "- 9:40 a.m. Alert.\n"),
           ORDER, 1, "9:40 a.m.", 9, NULL);
    expect(state, TIMELINE("- 11am: deploy.\n- 2pm: alert.\n"
                           "- 1 PM: rollback.\n"),
           ORDER, 1, "1 PM", 4, "1 PM comes after 2pm");
    /* A bare number is no time, with or without am/pm. */
    expect_order_silent(state, TIMELINE("- 11am: deploy.\n- 2pm: alert.\n"
                                        "- 1 pod restarts.\n"
                                        "- 13 PM nonsense.\n"));
    /* No am/pm anywhere: afternoon is read where it fits. */
    expect_order_silent(state, TIMELINE("- 11:50 Deploy.\n"
                                        "- 12:05 Alert.\n"
                                        "- 1:10 Rollback.\n"));
    expect_order_silent(state, TIMELINE("- 2:54 PM Merge.\n"
                                        "- 3:28 Upload.\n"));
    /* ...but not by jumping twelve hours past a typo. */
    expect(state, TIMELINE("- 11:08 Mail sent.\n- 11:07 Ticket raised.\n"),
           ORDER, 1, "11:07", 5, NULL);
    /* A 24-hour timeline's "2:05" is 02:05, never 14:05. */
    expect(state, TIMELINE("- 13:00 Deploy.\n- 13:30 Rollback.\n"
                           "- 2:05 Alert.\n"),
           ORDER, 1, "2:05", 4, NULL);
    expect_order_silent(state, TIMELINE("- 11:00 Deploy.\n"
                                        "- 11:30 Rollback.\n"
                                        "- 2:05 Alert.\n"));
}

static void
test_seconds_and_iso_8601(void **state)
{
    expect(state, TIMELINE("- 14:02:33 Alert.\n- 14:02:10 Deploy.\n"),
           ORDER, 1, "14:02:10", 8, "14:02:10 comes after 14:02:33");
    expect(state, TIMELINE("- 2024-03-01T14:02Z Alert.\n"
                           "- 2024-03-01T13:58:07.120Z Deploy.\n"),
           ORDER, 1, "13:58:07.120", 12, NULL);
    expect_order_silent(state, TIMELINE("- 2024-03-01T23:58Z Alert.\n"
                                        "- 2024-03-02T00:03Z Page.\n"));
    /* A time to the minute in the same minute as the seconds before it
     * (QA's round 7: a range "14:26-14:41" after "14:26:02") is no step
     * back, and the clock stays where it was. */
    expect_order_silent(state, TIMELINE("- 14:26:02 First API call.\n"
                                        "- 14:26-14:41 Reads.\n"
                                        "- 14:29:47 Denied.\n"));
    expect(state, TIMELINE("- 14:26:02 First call.\n- 14:25 Reads.\n"),
           ORDER, 1, "14:25", 5, "14:25 comes after 14:26:02");
}

static void
test_zones_on_entries(void **state)
{
    /* Entries in different zones are not compared. */
    expect_order_silent(state, TIMELINE("- 15:00 UTC Deploy.\n"
                                        "- 15:10 Alert.\n"
                                        "- 09:00 PDT Support escalates.\n"
                                        "- 09:20 PDT Rollback.\n"));
    /* "Z" and "UTC" are one zone; an entry without one keeps the last. */
    expect(state, TIMELINE("- 2024-03-01T14:30Z Rollback.\n"
                           "- 2024-03-01 14:02 UTC Alert.\n"),
           ORDER, 1, "14:02 UTC", 5, NULL);
    expect(state, TIMELINE("- 14:30 GMT Rollback.\n- 14:40 A.\n"
                           "- 14:02 UTC Alert.\n"),
           ORDER, 1, "14:02 UTC", 5, NULL);
    expect(state, TIMELINE("- 09:20 PDT Rollback.\n- 09:02 PDT Alert.\n"),
           ORDER, 1, "09:02", 5, NULL);
}

static void
test_inline_code_times(void **state)
{
    expect(state, TIMELINE("- `14:30` Rollback.\n- `14:02 UTC` Alert.\n"),
           ORDER, 1, "14:02 UTC`", 5, "14:02 comes after 14:30");
    /* Code that is not a stamp opens no entry. */
    expect_order_silent(state, TIMELINE("- 14:30 Rollback.\n"
                                        "- `14:02 kubectl get pods` run.\n"));
}

/* --- out-of-order: midnight, direction, what is not an entry ------------- */

static void
test_midnight(void **state)
{
    expect_order_silent(state, TIMELINE("- 23:58 Alert.\n- 00:03 Page.\n"
                                        "- 07:00 Merging again.\n"));
    /* A step back reads as the next day when that is the shorter way
     * round the clock: 10:30 forward rather than 13:30 back... */
    expect_order_silent(state, TIMELINE("- 14:30 Rollback.\n"
                                        "- 01:00 Alert.\n"));
    /* ...and as a mistake when it is not. */
    expect(state, TIMELINE("- 14:30 Rollback.\n- 03:00 Alert.\n"),
           ORDER, 1, "03:00", 5, "add the date if the incident crossed "
           "midnight");
    /* The same date on both entries rules the night out. */
    expect(state, TIMELINE("- 2024-03-01 23:58 Alert.\n"
                           "- 2024-03-01 00:03 Page.\n"),
           ORDER, 1, "00:03", 5, NULL);
}

/* A date label written again over the next entries says they are on that
 * date too: a label copied across midnight leaves 00:10 before 23:50.
 * The next date, or one label over both, is the night. */
static void
test_a_date_label_copied_across_midnight(void **state)
{
    expect(state, TIMELINE("**2025-03-03**\n\n- 23:50 Migration starts.\n\n"
                           "**2025-03-03**\n\n- 00:10 Migration ends.\n"),
           ORDER, 1, "00:10", 5, "00:10 comes after 23:50");
    expect(state, TIMELINE("### 2025-03-03\n\n- 22:50 Migration starts.\n\n"
                           "### 2025-03-03\n\n- 23:10 Check.\n"
                           "- 23:05 Copy done.\n"),
           ORDER, 1, "23:05", 5, NULL);
    expect_order_silent(state, TIMELINE("**2025-03-03**\n\n"
                                        "- 23:50 Migration starts.\n\n"
                                        "**2025-03-04**\n\n"
                                        "- 00:10 Migration ends.\n"));
    expect_order_silent(state, TIMELINE("**2025-03-03**\n\n"
                                        "- 23:50 Migration starts.\n"
                                        "- 00:10 Migration ends.\n"));
    expect_order_silent(state, TIMELINE("**2025-03-03**\n\n**2025-03-03**"
                                        "\n\n- 23:50 Migration starts.\n"
                                        "- 00:10 Migration ends.\n"));
}

static void
test_rollover_setting(void **state)
{
    bl_rules *rules = *state;
    char err[128];
    const char *src = TIMELINE("- 23:58 Alert.\n- 00:03 Page.\n");

    assert_int_equal(bl_rules_set(rules, "timeline.rollover-hours", "0",
                                  err, sizeof err), 0);
    expect(state, src, ORDER, 1, "00:03", 5, "00:03 comes after 23:58");
    /* Two steps back are not a newest-first list: which way a list runs
     * does not depend on the setting. */
    expect(state, TIMELINE("- 23:58 Alert.\n- 00:03 Page.\n- 00:01 Ack.\n"),
           ORDER, 2, "00:03", 5, NULL);
    assert_int_equal(bl_rules_set(rules, "timeline.rollover-hours", "12",
                                  err, sizeof err), 0);
    expect_order_silent(state, src);
    assert_int_equal(bl_rules_set(rules, "timeline.rollover-hours", "24",
                                  err, sizeof err), -1);
}

static void
test_one_finding_per_misplaced_entry(void **state)
{
    run r;

    /* The clock follows the reported entry, so a typo is one finding. */
    lint(state, TIMELINE("- 10:00 A.\n- 11:00 B.\n- 10:20 C.\n"
                         "- 10:30 D.\n- 10:40 E.\n"), &r);
    assert_int_equal(count_id(&r, ORDER), 1);
    assert_int_equal(nth(&r, ORDER, 0)->begin, tu_off(r.doc, "10:20"));
    run_free(&r);
    /* Two separate swaps are two findings. */
    lint(state, TIMELINE("- 10:00 A.\n- 10:20 B.\n- 10:10 C.\n"
                         "- 10:40 D.\n- 10:30 E.\n"), &r);
    assert_int_equal(count_id(&r, ORDER), 2);
    assert_int_equal(nth(&r, ORDER, 0)->begin, tu_off(r.doc, "10:10"));
    assert_int_equal(nth(&r, ORDER, 1)->begin, tu_off(r.doc, "10:30"));
    run_free(&r);
}

static void
test_newest_first_timeline(void **state)
{
    expect_order_silent(state, TIMELINE("- 16:30 Resolved.\n"
                                        "- 16:10 Monitoring.\n"
                                        "- 15:50 Investigating.\n"));
    expect(state, TIMELINE("- 16:30 Resolved.\n- 16:10 Monitoring.\n"
                           "- 16:20 Fix deployed.\n- 15:50 Investigating.\n"
                           "- 15:40 Alert.\n"),
           ORDER, 1, "16:20", 5, "lists the newest entries first");
}

static void
test_quotes_and_code_are_not_entries(void **state)
{
    expect_order_silent(state, TIMELINE(
        "- 15:06 Tariq posts in the channel.\n"
        "- 15:20 Rosa removes the rule.\n\n"
        "> 15:06 tariq: scanner says staging is open\n\n"
        "> 15:08 rosa: the rule is from 09:12\n"));
    expect_order_silent(state, TIMELINE(
        "- 02:10 Worker fails.\n\n"
        "```\n01:59:44 ERROR thumbnailer: fatal\n```\n\n"
        "- 02:20 Rollback.\n"));
}

static void
test_only_the_timeline_section(void **state)
{
    /* Times out of order elsewhere are not a timeline's. */
    expect_order_silent(state, TITLE
        "## Summary\n\n14:30 rollback, after the 14:02 alert.\n\n"
        "- 14:30 Rolled back.\n- 14:02 Alerted.\n\n"
        "## Timeline (UTC)\n\n- 14:02 Alert.\n- 14:30 Rollback.\n\n"
        "## Action items\n\n- 10:00 standup moved to 09:00.\n"
        "- 09:00 review.\n");
    /* A subsection of the Timeline is part of it... */
    expect(state, TITLE "## Summary\n\nx\n\n## Timeline (UTC)\n\n"
           "- 14:02 Alert.\n\n### Detailed timeline\n\n- 14:10 Page.\n"
           "- 14:05 Ack.\n\n## Impact\n\ny\n", ORDER, 1, "14:05", 5,
           "14:05 comes after 14:10");
    /* ...but the clock starts over at its heading: subsections tell
     * parallel tracks, or the story again in more detail. */
    expect_order_silent(state, TITLE "## Summary\n\nx\n\n## Timeline (UTC)\n\n"
        "### Engineering\n\n- 14:02 Alert.\n- 14:30 Rollback.\n\n"
        "### Customer communication\n\n- 14:10 Status page.\n"
        "- 14:40 All clear.\n\n## Impact\n\ny\n");
    /* Bold labels head tracks the same way. */
    expect_order_silent(state, TIMELINE("**Engineering**\n\n"
                                        "- 14:02 Alert.\n- 14:30 Rollback.\n\n"
                                        "**Support:**\n\n- 14:10 Status page.\n"));
    expect_order_silent(state, TIMELINE("- **Engineering**\n"
                                        "  - 14:02 Alert.\n"
                                        "  - 14:30 Rollback.\n"
                                        "- __Support__\n"
                                        "  - 14:10 Status page.\n"));
    /* A sentence in bold, or bold in a sentence, is no label. */
    expect(state, TIMELINE("- 14:30 Rollback.\n\n**Error rates stayed high "
                           "for the rest of the afternoon, well past the "
                           "rollback.**\n\n- 14:02 Alert.\n"),
           ORDER, 1, "14:02", 5, NULL);
    expect(state, TIMELINE("- 14:30 Rollback.\n\nThe **support** view:\n\n"
                           "- 14:02 Alert.\n"), ORDER, 1, "14:02", 5, NULL);
    /* A heading with a date or time is an entry, not a break. */
    expect(state, TITLE "## Summary\n\nx\n\n## Timeline (UTC)\n\n"
           "### 14:30 Rollback\n\nDone.\n\n### 14:02 Alert\n\nFired.\n",
           ORDER, 1, "14:02 Alert", 5, NULL);
    /* Numbered and emoji headings name the section too. */
    expect(state, TITLE "## 3. Timeline (UTC)\n\n- 14:30 A.\n- 14:02 B.\n\n"
           "## \xF0\x9F\x95\x90 Root cause\n\nx\n", ORDER, 1, "14:02", 5,
           NULL);
    expect(state, TITLE "## Summary\n\nx\n\n## \xF0\x9F\x95\x90 Timeline "
           "(UTC)\n\n- 14:30 A.\n- 14:02 B.\n", ORDER, 1, "14:02", 5, NULL);
}

static void
test_not_a_postmortem(void **state)
{
    expect(state, "# Release notes\n\n## Timeline\n\n- 14:30 A.\n"
           "- 14:02 B.\n", ORDER, 0, NULL, 0, NULL);
    expect(state, "# Release notes\n\n## Timeline\n\n- 14:30 A.\n",
           ZONE, 0, NULL, 0, NULL);
}

/* --- Layouts: CRLF, front matter, Setext, <details> ---------------------- */

static void
test_crlf_line_endings(void **state)
{
    run r;
    const bl_diag *f;
    bl_pos p;

    lint(state, "# Incident: x\r\n\r\n## Summary\r\n\r\nx\r\n\r\n"
         "## Timeline\r\n\r\n- 14:02 A.\r\n- 14:30 B.\r\n- 14:10 C.\r\n",
         &r);
    assert_int_equal(count_id(&r, ORDER), 1);
    f = nth(&r, ORDER, 0);
    assert_int_equal(f->begin, tu_off(r.doc, "14:10"));
    assert_int_equal(f->end, f->begin + 5);
    p = bl_doc_position(r.doc, f->begin, BL_ENC_UTF8);
    assert_int_equal(p.line, 10);
    assert_int_equal(p.col, 2);
    assert_non_null(strstr(f->message, "after 14:30 (line 10)"));
    assert_int_equal(count_id(&r, ZONE), 1);
    assert_int_equal(nth(&r, ZONE, 0)->begin, tu_off(r.doc, "Timeline"));
    run_free(&r);
}

static void
test_front_matter(void **state)
{
    run r;

    /* Lines count from the top of the file, front matter included. */
    lint(state, "---\ntitle: x\ntype: postmortem\n---\n\n# Failover\n\n"
         "## Timeline\n\n- 14:30 A.\n- 14:02 B.\n", &r);
    assert_int_equal(count_id(&r, ORDER), 1);
    assert_non_null(strstr(nth(&r, ORDER, 0)->message,
                           "after 14:30 (line 10)"));
    assert_int_equal(count_id(&r, ZONE), 1);
    run_free(&r);
    expect(state, "---\ntype: postmortem\ntimezone: Europe/Berlin\n---\n\n"
           "# Failover\n\n## Timeline\n\n- 14:02 A.\n", ZONE, 0, NULL, 0,
           NULL);
    expect(state, "+++\ntype = \"postmortem\"\ntz = \"UTC\"\n+++\n\n"
           "# Failover\n\n## Timeline\n\n- 14:02 A.\n", ZONE, 0, NULL, 0,
           NULL);
    /* An empty key states nothing. */
    expect(state, "---\ntype: postmortem\ntimezone:\n---\n\n"
           "# Failover\n\n## Timeline\n\n- 14:02 A.\n", ZONE, 1, NULL, 0,
           NULL);
}

static void
test_setext_timeline(void **state)
{
    expect(state, TITLE "Summary\n-------\n\nx\n\nTimeline\n--------\n\n"
           "13:35\n:   Rollout completes.\n\n14:02\n:   Reports.\n\n"
           "13:50\n:   Helena confirms.\n\nRoot cause\n----------\n\ny\n",
           ORDER, 1, "13:50", 5, "13:50 comes after 14:02");
    expect(state, TITLE "Summary\n-------\n\nx\n\nTimeline\n--------\n\n"
           "- 13:35 Rollout completes.\n", ZONE, 1, "Timeline\n---", 8,
           "time zone");
}

static void
test_details_block(void **state)
{
    expect(state, TIMELINE("<details>\n<summary>Full timeline</summary>\n\n"
                           "- 14:02 Alert.\n- 14:30 Rollback.\n"
                           "- 14:10 Page.\n\n</details>\n"),
           ORDER, 1, "14:10", 5, NULL);
}

/* --- no-timezone --------------------------------------------------------- */

static void
test_no_timezone_reported_once_at_the_heading(void **state)
{
    expect(state, BARE_TIMELINE("- 14:02 Alert.\n- 14:30 Rollback.\n"),
           ZONE, 1, "Timeline\n", 8, "Timeline (UTC)");
    expect(state, BARE_TIMELINE("| Time | Event |\n|---|---|\n"
                                "| 14:02 | Alert. |\n"),
           ZONE, 1, "Timeline\n", 8, NULL);
    /* A summary with no zone in it says none. */
    expect(state, BARE_TIMELINE("<details>\n<summary>Full timeline</summary>"
                                "\n\n- 14:02 Alert.\n\n</details>\n"),
           ZONE, 1, NULL, 0, NULL);
    /* Times elsewhere with a zone do not say the timeline's. */
    expect(state, TITLE "## Impact\n\n- 09:14 to 09:31 UTC: errors.\n\n"
           "## Timeline\n\n- 09:12 Latency climbs.\n", ZONE, 1, NULL, 0,
           NULL);
    /* A second timeline goes on in the zone the first one stated; a
     * first one without a zone is reported, and a later zone does not
     * cover it. */
    expect(state, TITLE "## Timeline (UTC)\n\n- 14:02 Alert.\n\n"
           "## Root cause\n\nx\n\n## Timeline of events\n\n- 14:41 Fix.\n",
           ZONE, 0, NULL, 0, NULL);
    expect(state, TITLE "## Timeline\n\n- 14:02 Alert.\n\n"
           "## Root cause\n\nx\n\n## Timeline (UTC)\n\n- 14:41 Fix.\n",
           ZONE, 1, "Timeline\n", 8, NULL);
}

static void
test_zone_stated(void **state)
{
    static const char *const stated[] = {
        BARE_TIMELINE("All times in CET.\n\n- 14:02 Alert.\n"),
        BARE_TIMELINE("- 14:02 UTC Alert.\n"),
        BARE_TIMELINE("- **16:58 UTC** - Writer saturates.\n"),
        BARE_TIMELINE("- 2:54 PM PST: PR merged.\n"),
        BARE_TIMELINE("- 2024-03-01T14:02Z Alert.\n"),
        BARE_TIMELINE("- 2024-03-01T14:02:33+01:00 Alert.\n"),
        BARE_TIMELINE("- `14:02Z` Alert.\n"),
        BARE_TIMELINE("| Time (UTC) | Event |\n|---|---|\n| 14:02 | A. |\n"),
        BARE_TIMELINE("| Date and Time in CET | Event |\n|---|---|\n"
                      "| 2019-12-04 00:30 | A. |\n"),
        BARE_TIMELINE("> (all times in Pacific Time)\n\n- 14:02 Alert.\n"),
        BARE_TIMELINE("All times in UC/Pacific\n\n- 14:02 Alert.\n"),
        BARE_TIMELINE("All times in Europe/Berlin.\n\n- 14:02 Alert.\n"),
        BARE_TIMELINE("All times in GMT+2\n\n- 14:02 Alert.\n"),
        BARE_TIMELINE("All times in Central European Time\n\n- 14:02 A.\n"),
        TITLE "## Summary\n\nx\n\n## Timeline (all times UTC )\n\n- 14:02 A.\n",
        TITLE "All times PDT.\n\n## Summary\n\nx\n\n## Timeline\n\n- 14:02 A.\n",
        TITLE "## Summary\n\nTimes below are in IST.\n\n## Timeline\n\n"
        "- 14:02 A.\n",
        /* A folded timeline's summary is its heading. */
        BARE_TIMELINE("<details>\n<summary>Full timeline (all times UTC)"
                      "</summary>\n\n- 14:02 Alert.\n\n</details>\n"),
        TITLE "## Summary\n\nx\n\n- #\n\n## Timeline\n\n<details><summary>"
        "All times UTC</summary>\n\n- 14:02 A.\n\n</details>\n\n"
        "## Root cause\n\n```sh\n# restart\n```\n",
    };
    size_t i;

    for (i = 0; i < sizeof stated / sizeof *stated; i++)
        expect(state, stated[i], ZONE, 0, NULL, 0, NULL);
}

/* US and Australasian zones teams write, and spoken names after "times"
 * or alone in parentheses; a spoken name elsewhere is a word. */
static void
test_more_zone_names(void **state)
{
    static const char *const zones[] = {
        "CT", "MT", "AET", "NZT", "IDT", "GST", "MYT", "PHT",
        "all times Pacific", "all times Eastern", "all times US Central",
        "Central", "Mountain", "Central Time", "MEZ", "MESZ",
        "London time", "all times UK time",
    };
    static const char *const not_zones[] = {
        "Central database", "Pacific region", "MTTR", "Ct", "(London)",
        "UK",
    };
    char src[512];
    size_t i;

    for (i = 0; i < sizeof zones / sizeof *zones; i++) {
        snprintf(src, sizeof src, TITLE "## Summary\n\nx\n\n"
                 "## Timeline (%s)\n\n- 14:02 Alert.\n", zones[i]);
        expect(state, src, ZONE, 0, NULL, 0, NULL);
    }
    for (i = 0; i < sizeof not_zones / sizeof *not_zones; i++) {
        snprintf(src, sizeof src, TITLE "## Summary\n\nx\n\n"
                 "## Timeline\n\n%s was slow.\n\n- 14:02 Alert.\n",
                 not_zones[i]);
        expect(state, src, ZONE, 1, NULL, 0, NULL);
    }
}

/* "Z" written onto a time or after it is UTC ("10:00Z", "10:00 Z"), and
 * compares with UTC; a word that starts with a Z is no zone. */
static void
test_zulu_after_a_time(void **state)
{
    expect(state, BARE_TIMELINE("- 10:00Z Alert.\n"), ZONE, 0, NULL, 0,
           NULL);
    expect(state, BARE_TIMELINE("- 10:00 Z Alert.\n- **10:05 Z** Page.\n"),
           ZONE, 0, NULL, 0, NULL);
    expect(state, BARE_TIMELINE("- 10:00 Z-Wave hub offline.\n"), ZONE, 1,
           NULL, 0, NULL);
    expect(state, TIMELINE("- 10:30 UTC Rollback.\n- 10:20 Z Alert.\n"),
           ORDER, 1, "10:20 Z", 5, NULL);
}

static void
test_zone_needs_timed_entries(void **state)
{
    /* Dates alone, a template's empty table, slots, prose. */
    expect(state, BARE_TIMELINE("- 2025-07-09 Lifecycle rule added.\n"
                                "- 2025-10-01 Restore drill fails.\n"),
           ZONE, 0, NULL, 0, NULL);
    expect(state, BARE_TIMELINE("| Time | Event |\n|---|---|\n"),
           ZONE, 0, NULL, 0, NULL);
    expect(state, BARE_TIMELINE("### {{ yyyy-mm-dd hh:mm }}\n\nStart.\n"),
           ZONE, 0, NULL, 0, NULL);
    expect(state, BARE_TIMELINE("The deploy ran at 14:02 and failed.\n"),
           ZONE, 0, NULL, 0, NULL);
    /* Upper case only: "est" and "ist" are not zones. */
    expect(state, BARE_TIMELINE("- 14:02 The est. cost; a west wind.\n"),
           ZONE, 1, NULL, 0, NULL);
}

static void
test_two_timelines_are_separate(void **state)
{
    run r;

    lint(state, TITLE "## Summary\n\nx\n\n## Timeline (UTC)\n\n- 14:30 A.\n\n"
         "## Root cause\n\ny\n\n## Timeline\n\n- 14:02 B.\n", &r);
    /* Not compared with each other; the second goes on in the first's
     * zone (section/duplicate tells the author to merge them). */
    assert_int_equal(count_id(&r, ORDER), 0);
    assert_int_equal(count_id(&r, ZONE), 0);
    run_free(&r);
}

/* A timeline written under a bold label, a "- **Label**:" item or a
 * <details> summary is read as one under a heading; a zone in the label
 * counts, as one in the heading does. */
#define LABELLED(label, body) \
    TITLE "## Summary\n\nCheckout failed for some users.\n\n" \
    label body "\n## Root cause\n\nA pool size change.\n"
#define BACKWARDS "- 14:10 The pool size was raised.\n" \
                  "- 14:02 The alert fired.\n"
#define FORWARDS "- 14:02 The alert fired.\n" \
                 "- 14:10 The pool size was raised.\n"
#define NESTED_BACKWARDS "  - 14:10 The pool size was raised.\n" \
                         "  - 14:02 The alert fired.\n"
#define NESTED_FORWARDS "  - 14:02 The alert fired.\n" \
                        "  - 14:10 The pool size was raised.\n"

static void
test_labelled_timelines(void **state)
{
    expect(state, LABELLED("**Timeline (UTC)**\n\n", BACKWARDS), ORDER, 1,
           "14:02 The", 5, NULL);
    expect(state, LABELLED("**Timeline (UTC)**\n\n", FORWARDS), ORDER, 0,
           NULL, 0, NULL);
    expect(state, LABELLED("- **Timeline (UTC)**:\n", NESTED_BACKWARDS),
           ORDER, 1, "14:02 The", 5, NULL);
    expect(state, LABELLED("- **Timeline (UTC)**:\n", NESTED_FORWARDS),
           ORDER, 0, NULL, 0, NULL);
    expect(state, LABELLED("<details><summary>Timeline (UTC)</summary>\n\n",
                           BACKWARDS "\n</details>\n"),
           ORDER, 1, "14:02 The", 5, NULL);
    expect(state, LABELLED("<details><summary>Timeline (UTC)</summary>\n\n",
                           FORWARDS "\n</details>\n"),
           ORDER, 0, NULL, 0, NULL);
    expect(state, LABELLED("**Timeline**\n\n", FORWARDS), ZONE, 1,
           "Timeline**", 8, NULL);
    expect(state, LABELLED("- **Timeline**:\n", NESTED_FORWARDS), ZONE, 1,
           "Timeline**", 8, NULL);
    expect(state, LABELLED("<details><summary>Timeline</summary>\n\n",
                           FORWARDS "\n</details>\n"), ZONE, 1, NULL, 0,
           NULL);
    expect(state, LABELLED("**Timeline (UTC)**\n\n", FORWARDS), ZONE, 0,
           NULL, 0, NULL);
    expect(state, LABELLED("- **Timeline (UTC)**:\n", NESTED_FORWARDS), ZONE,
           0, NULL, 0, NULL);
    expect(state, LABELLED("<details><summary>Timeline (UTC)</summary>\n\n",
                           FORWARDS "\n</details>\n"), ZONE, 0, NULL, 0,
           NULL);
    /* The part ends at the next label that names a section: what the
     * Lessons Learned list is no entry. */
    expect(state, LABELLED("**Timeline (UTC)**\n\n", FORWARDS
                           "\n**Lessons learned**\n\n" BACKWARDS), ORDER, 0,
           NULL, 0, NULL);
}

/* --- Bad input ----------------------------------------------------------- */

static void
test_hostile_input(void **state)
{
    static const char *const pieces[] = {
        "1:", "14:02", " ", "-", ":", "\xff", "\xe2\x80\x93", "2024-",
        "`", "Mar ", "Day ", "**", "|", "\n", "\r\n", "> ", "- ", "UTC",
        "12:00 PM", "YYYY-MM-DD", "\xF0\x9F\x95\x90", "0", "9", "T",
    };
    size_t len = 400000, i, k;
    char *big = malloc(len + 64);
    unsigned seed = 7;
    run r;

    assert_non_null(big);
    /* A long line of nothing but separators and digits. */
    k = (size_t)snprintf(big, 64, "%s", TITLE "## Timeline\n\n");
    for (i = k; i < len; i++)
        big[i] = "1:-0 "[i % 5];
    big[len] = '\0';
    lint(state, big, &r);
    run_free(&r);
    /* Random runs of stamp pieces, lines and markup. */
    k = (size_t)snprintf(big, 64, "%s", TITLE "## Timeline\n\n");
    while (k < len) {
        const char *p;
        seed = seed * 1103515245u + 12345u;
        p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
        if (k + strlen(p) >= len)
            break;
        memcpy(big + k, p, strlen(p));
        k += strlen(p);
    }
    big[k] = '\0';
    lint(state, big, &r);
    run_free(&r);
    /* Deep nesting of lists and quotes around entries. */
    k = (size_t)snprintf(big, 64, "%s", TITLE "## Timeline\n\n");
    for (i = 0; i < 2000 && k + 16 < len; i++) {
        size_t d;
        for (d = 0; d < i % 60 && k + 16 < len; d++)
            big[k++] = i % 2 ? ' ' : '>';
        k += (size_t)snprintf(big + k, 16, "- %02zu:%02zu x\n",
                              (2000 - i) / 60 % 24, (2000 - i) % 60);
    }
    big[k] = '\0';
    lint(state, big, &r);
    run_free(&r);
    free(big);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_and_setting_are_declared),
        cmocka_unit_test(test_list_items),
        cmocka_unit_test(test_bracketed_and_bold_times),
        cmocka_unit_test(test_ordered_and_task_and_nested_lists),
        cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_date_and_time_columns),
        cmocka_unit_test(test_one_heading_per_timestamp),
        cmocka_unit_test(test_paragraph_entries),
        cmocka_unit_test(test_paragraph_read_line_by_line),
        cmocka_unit_test(test_date_subheadings_and_date_lines),
        cmocka_unit_test(test_dates_on_entries),
        cmocka_unit_test(test_an_entry_dated_alone_is_on_another_day),
        cmocka_unit_test(test_a_subsection_does_not_inherit_the_last_date),
        cmocka_unit_test(test_more_date_formats),
        cmocka_unit_test(test_unread_dates_start_a_new_day),
        cmocka_unit_test(test_only_the_first_time_orders_an_entry),
        cmocka_unit_test(test_durations_and_versions_are_not_times),
        cmocka_unit_test(test_german_and_french_clocks),
        cmocka_unit_test(test_twelve_hour_clock),
        cmocka_unit_test(test_seconds_and_iso_8601),
        cmocka_unit_test(test_zones_on_entries),
        cmocka_unit_test(test_inline_code_times),
        cmocka_unit_test(test_midnight),
        cmocka_unit_test(test_a_date_label_copied_across_midnight),
        cmocka_unit_test(test_rollover_setting),
        cmocka_unit_test(test_one_finding_per_misplaced_entry),
        cmocka_unit_test(test_newest_first_timeline),
        cmocka_unit_test(test_quotes_and_code_are_not_entries),
        cmocka_unit_test(test_only_the_timeline_section),
        cmocka_unit_test(test_not_a_postmortem),
        cmocka_unit_test(test_crlf_line_endings),
        cmocka_unit_test(test_front_matter),
        cmocka_unit_test(test_setext_timeline),
        cmocka_unit_test(test_details_block),
        cmocka_unit_test(test_no_timezone_reported_once_at_the_heading),
        cmocka_unit_test(test_zone_stated),
        cmocka_unit_test(test_more_zone_names),
        cmocka_unit_test(test_zulu_after_a_time),
        cmocka_unit_test(test_zone_needs_timed_entries),
        cmocka_unit_test(test_two_timelines_are_separate),
        cmocka_unit_test(test_labelled_timelines),
        cmocka_unit_test(test_hostile_input),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
