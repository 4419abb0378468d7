/*
 * actions_test.c: the action/ rules (src/engine/actions.c, rules/
 * action.rules): which items have an owner, a due date, a verb first; what
 * is an item at all; and the layouts items come in.
 *
 * Documents are postmortems built by pm(): a title that names an incident,
 * a Summary and an Action Items section holding the text under test, so
 * the structural gate lets the rules run.
 */
#include "testutil.h"

#include <hunspell/hunspell.h>
#include <stdio.h>
#include <time.h>

#include "engine/rules.h"
#include "engine/vec.h"

#define MISSING_OWNER "action/missing-owner"
#define MISSING_DUE "action/missing-due-date"
#define NOT_ACTIONABLE "action/not-actionable"

/* --- Helpers ------------------------------------------------------------- */

/* The default rules with only the action/ rules on (the due-date rule is
 * off by default; tests that want it turn it on). */
static bl_rules *
action_rules(void)
{
    bl_rules *rules = NULL;
    char err[512];

    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    bl_rules_set_severity(rules, "*", BL_SEV_OFF);
    bl_rules_set_severity(rules, MISSING_OWNER, BL_SEV_ON);
    bl_rules_set_severity(rules, NOT_ACTIONABLE, BL_SEV_ON);
    return rules;
}

/* A postmortem whose Action Items section holds `body`. */
static char *
pm(const char *body)
{
    static const char head[] =
        "# Incident 2025-03-04: checkout outage\n\n"
        "## Summary\n\nCheckout failed for 40 minutes.\n\n"
        "## Action items\n\n";
    size_t n = strlen(head) + strlen(body) + 1;
    char *s = malloc(n);

    assert_non_null(s);
    snprintf(s, n, "%s%s", head, body);
    return s;
}

/* Lints text (an exact-length copy, so reads past the end are caught). */
static bl_doc *
lint(const bl_rules *rules, const char *text, bl_diags *d)
{
    bl_doc *doc = tu_parse(text);

    memset(d, 0, sizeof *d);
    assert_int_equal(bl_lint(rules, doc, d), 0);
    return doc;
}

/* The first finding of rule id, or NULL. */
static const bl_diag *
find_rule(const bl_diags *d, const char *id)
{
    size_t i;

    for (i = 0; i < d->n; i++)
        if (strcmp(d->items[i].rule->id, id) == 0)
            return &d->items[i];
    return NULL;
}

static void
dump(const bl_doc *doc, const bl_diags *d)
{
    size_t i;

    for (i = 0; i < d->n; i++)
        print_error("  %s at %zu..%zu \"%.*s\": %s\n", d->items[i].rule->id,
                    d->items[i].begin, d->items[i].end,
                    (int)(d->items[i].end - d->items[i].begin),
                    doc->src + d->items[i].begin, d->items[i].message);
}

/* Asserts that text (a whole document) gets exactly n findings of id. */
static void
expect_n(const bl_rules *rules, const char *text, const char *id, size_t n)
{
    bl_diags d;
    bl_doc *doc = lint(rules, text, &d);

    if (tu_count_rule(&d, id) != n) {
        print_error("want %zu %s in:\n%s\ngot:\n", n, id, text);
        dump(doc, &d);
    }
    assert_int_equal(tu_count_rule(&d, id), n);
    bl_diags_free(&d);
    bl_doc_free(doc);
}

/* The same for an Action Items body. */
static void
expect_body(const bl_rules *rules, const char *body, const char *id,
            size_t n)
{
    char *text = pm(body);

    expect_n(rules, text, id, n);
    free(text);
}

/* Asserts that each body gets n findings of id. */
static void
expect_each(const bl_rules *rules, const char *const *bodies, size_t count,
            const char *id, size_t n)
{
    size_t i;

    for (i = 0; i < count; i++)
        expect_body(rules, bodies[i], id, n);
}

#define EXPECT_EACH(rules, bodies, id, n) \
    expect_each((rules), (bodies), sizeof(bodies) / sizeof *(bodies), (id), \
                (n))

/* Asserts that an Action Items body gets a missing-owner finding whose
 * message contains want, and, when once, that it gets exactly one. */
static void
expect_owner_message(const bl_rules *rules, const char *body,
                     const char *want, int once)
{
    char *text = pm(body);
    bl_diags d;
    bl_doc *doc = lint(rules, text, &d);
    const bl_diag *f = find_rule(&d, MISSING_OWNER);

    if (f == NULL || strstr(f->message, want) == NULL) {
        print_error("want \"%s\" in the message for:\n%s\ngot:\n", want,
                    body);
        dump(doc, &d);
    }
    if (once)
        assert_int_equal(tu_count_rule(&d, MISSING_OWNER), 1);
    assert_non_null(f);
    assert_non_null(strstr(f->message, want));
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(text);
}

/* Asserts that the findings of id start at each needle, in order, and end
 * at the end of the needle's line. */
static void
expect_at(const bl_rules *rules, const char *text, const char *id,
          const char *const *needles, size_t count)
{
    bl_diags d;
    bl_doc *doc = lint(rules, text, &d);
    size_t i, k = 0;

    if (tu_count_rule(&d, id) != count)
        dump(doc, &d);
    assert_int_equal(tu_count_rule(&d, id), count);
    for (i = 0; i < d.n; i++) {
        size_t at, eol;
        if (strcmp(d.items[i].rule->id, id) != 0)
            continue;
        at = tu_off(doc, needles[k++]);
        eol = at + strcspn(doc->src + at, "\r\n");
        if (d.items[i].begin != at || d.items[i].end > eol)
            dump(doc, &d);
        assert_int_equal(d.items[i].begin, at);
        assert_true(d.items[i].end > at && d.items[i].end <= eol);
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
}

/* --- action/missing-owner ------------------------------------------------ */

/* Every way the issue lists of naming an owner, in a bullet list. */
static void
test_owner_forms_are_owners(void **state)
{
    static const char *const owned[] = {
        "- Add a lag alert (owner: @dana)\n",
        "- Add a lag alert (Owner: Dana Whitfield)\n",
        "- Add a lag alert\n  Owner: Dana\n",
        "- Add a lag alert. owner: team-db\n",
        "- Add a lag alert - owner: Dana\n",
        "- Add a lag alert (DRI: Sam)\n",
        "- Add a lag alert (assignee: @sam)\n",
        "- Add a lag alert, assigned to the Payments team\n",
        "- Add a lag alert, owned by SRE\n",
        "- Add a lag alert @dana\n",
        "- Add a lag alert \xE2\x80\x94 Dana\n",
        "- Add a lag alert - Payments team\n",
        "- Add a lag alert -- Dana Whitfield\n",
        "- [Dana] Add a lag alert\n",
        "- Add a lag alert [Payments team]\n",
        "- Add a lag alert (Dana)\n",
        "- Add a lag alert (Dana, 2025-06-30)\n",
        "- SRE team to add a lag alert\n",
        "- Add a lag alert. Owners: Dana and Sam\n",
        "- Add a lag alert (owner: Head of Engineering)\n",
        "- Add a lag alert (owner: `@dana`)\n",
        "- Add a lag alert \xE2\x80\x94 cloud team lead\n",
        "- Add a lag alert (assigned: Dana)\n",
        /* The label in Spanish or French, and German (QA's structure-3). */
        "- Add a lag alert\n  Responsable: \xC3\x8D\xC3\xB1igo Etxeberria.\n",
        "- Add a lag alert (Verantwortlich: Dana)\n",
        "- Add a lag alert, owner Dana\n",
        "- Add a lag alert; responsible: Dana\n",
        "- **Owner:** Dana \xE2\x80\x94 Add a lag alert\n",
        "- Add a lag alert (owners: @dana, @sam)\n",
        "- Add a lag alert \xE2\x86\x92 @dana\n",
        "- Add a lag alert [Dana, Q3]\n",
        "- Add a lag alert. Responsible team: SRE\n",
        "- Add a lag alert. Owning team: SRE\n",
        "- @dana to add a lag alert\n",
        "- Dana to add a lag alert\n",
        "- Add a lag alert \xE2\x80\x94 Rail Data Services on-call rota "
        "(by 21 June)\n",
        "- Add a lag alert \xE2\x80\x94 Partner Relations team (by 28 June)\n",
    };
    /* A long phrase after the dash is a team only by a name of its own. */
    static const char *const unowned[] = {
        "- Add a lag alert \xE2\x80\x94 and page the on-call rota\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, unowned, MISSING_OWNER, 1);
    EXPECT_EACH(rules, owned, MISSING_OWNER, 0);
    bl_rules_free(rules);
}

/* The words an owner label or a done mark uses count in any case and
 * only as whole words: "co-owner" and "undone" are other words. */
static void
test_owner_and_done_words_are_whole_words(void **state)
{
    static const char *const owned[] = {
        "- Add a lag alert (OWNER: Dana)\n",
        "- Add a lag alert (Owner:Dana)\n",
        "- Add a lag alert. DRI - Sam\n",
        "- Add a lag alert, ASSIGNED to Dana\n",
        "- Add a lag alert, Owned by SRE\n",
        "- Add a lag alert (Jos\xC3\xA9's pick; owner: Dana)\n",
        "- Add a lag alert\n  Who: Dana\n",
    };
    static const char *const unowned[] = {
        "- Add a lag alert (co-owner: Dana)\n",
        "- Add a lag alert (ownerless: Dana)\n",
        "- Add a lag alert (ownerownerownerowner: Dana)\n",
        "- Add a lag alert (undone)\n",
        "- Add a lag alert, not yet done\n",
        "- Add a lag alert for the redone jobs\n",
    };
    static const char *const done[] = {
        "- Add a lag alert (DONE)\n",
        "- Add a lag alert \xE2\x80\x94 Shipped\n",
        "- Add a lag alert (Completed)\n",
        "- Add a lag alert. We ALREADY do this\n",
        "- Add a lag alert\n  - done\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, owned, MISSING_OWNER, 0);
    EXPECT_EACH(rules, unowned, MISSING_OWNER, 1);
    EXPECT_EACH(rules, done, MISSING_OWNER, 0);
    bl_rules_free(rules);
}

/* One finding per item without an owner, on the first line of its text,
 * in bullet, numbered, task and loose lists; nested bullets are details. */
static void
test_items_without_owner_are_reported_on_their_first_line(void **state)
{
    static const char *const at[] = {
        "Add a lag alert", "Document the failover runbook", "Re-enable the",
        "Backfill the", "Investigate why"
    };
    bl_rules *rules = action_rules();
    char *text = pm("- Add a lag alert\n"
                    "  on the primary and replicas\n"
                    "  - page the DB on-call\n"
                    "  - threshold: 5 s\n"
                    "1. Document the failover (owner: @ana)\n"
                    "2. Document the failover runbook\n"
                    "\n"
                    "- [ ] Re-enable the canary stage\n"
                    "- [ ] Investigate the pool (@ana)\n"
                    "\n"
                    "* Backfill the missed orders\n"
                    "\n"
                    "* Investigate why the pool shrank\n");

    (void)state;
    expect_at(rules, text, MISSING_OWNER, at, 5);
    free(text);
    bl_rules_free(rules);
}

/* An item that opens with who will do the work names its owner: a
 * person's name (any script, accents, compound names) or a team, then
 * "will", "to", "is going to" or a colon, then the work.  A thing, a
 * category, a word that is English as well as a name, and someone the
 * work is done to are no owners. */
static void
test_who_is_given_the_work(void **state)
{
    static const char *const owned[] = {
        "- Kofi will give the failover training to the on-call rotation\n",
        "- Mei will run a training session on drift dashboards\n",
        "- Zo\xC3\xAB will give training on PodDisruptionBudgets\n",
        "- \xC5\x81ukasz to remove the master/slave wording\n",
        "- Zo\xC3\xAB to remove the master/slave wording\n",
        "- Priya to remove the master/slave wording\n",
        "- Anya to review the WAF rules\n",
        "- Everett will review the WAF rules\n",
        "- Ana Ribeiro to review the WAF rules\n",
        "- Niamh O'Brien will also add a PDB template\n",
        "- Ji-ho Park is going to run a drain test on staging\n",
        "- Jos\xC3\xA9 \xC3\x81lvarez will add consumer contracts\n",
        "- Ludwig van Beethoven shall tune the alerts\n",
        "- Kofi and Mei will run the failover drill\n",
        "- \xE7\x8E\x8B\xE4\xBC\x9F will run the failover drill\n",
        "- Payments team will add a lag alert\n",
        "- QA to add Safari to the test matrix\n",
        "- Mateo: add the price version to the cache key\n",
        "- Mateo Rossi: add the price version to the cache key\n",
        "- **Mateo**: add the price version to the cache key\n",
        "- \xC5\x81ukasz: add a plan summary to the pipeline\n",
        "- Payments team: add retries to the client\n",
        "- Thomas: add retries to the client\n",
        /* A name that is an English word too, which the document shows
         * elsewhere to be a person's. */
        "| Action | Owner |\n|---|---|\n| Add a lag alert | Mark |\n\n"
        "- Mark will run the failover training\n",
        "| Action | Owner |\n|---|---|\n| Add a lag alert | Grant Li |\n\n"
        "- Grant: add the price version to the cache key\n",
    };
    static const char *const unowned[] = {
        "- Improve monitoring\n",
        "- Tooling to detect drift\n",
        "- CI to block merges without tests\n",
        "- GitHub will block merges without review\n",
        "- Runbooks will cover failover\n",
        "- Retries will back off exponentially\n",
        "- Build will fail when the lockfile is stale\n",
        "- Mark will run the failover training\n",
        "- Kofi will be trained on failover\n",
        "- Process: update the runbook\n",
        "- Frontend: add retries to the client\n",
        "- Pricing: add the price version to the cache key\n",
        "- **Lessons**: add an alert on pool wait time\n",
        "- Documentation: add the failover steps\n",
        "- Switch to use the new resolver\n",
        "- Tell the team to review the alerts\n",
        "- Nobody to use the token going forward\n",
        "- \xC3\x9C" "berwachung einrichten\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, owned, MISSING_OWNER, 0);
    EXPECT_EACH(rules, owned, NOT_ACTIONABLE, 0);
    EXPECT_EACH(rules, unowned, MISSING_OWNER, 1);
    bl_rules_free(rules);
}

/* Detail bullets belong to their item: an owner there counts. */
static void
test_owner_in_detail_bullets_counts(void **state)
{
    static const char *const owned[] = {
        "- Add a lag alert\n  - owner: @dana\n  - due: Friday\n",
        "1. Add a lag alert\n   1. first the metric\n   2. then the page "
        "(@dana)\n",
        "- Add a lag alert\n\n  Owner: Dana\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, owned, MISSING_OWNER, 0);
    bl_rules_free(rules);
}

/* "TBD", "everyone", "the team" are not owners, and the message says
 * which was written. */
static void
test_non_owners_are_named_in_the_message(void **state)
{
    static const struct { const char *body, *quoted; } cases[] = {
        {"- Add a lag alert (owner: TBD)\n", "\"TBD\""},
        {"- Add a lag alert. Owner: everyone\n", "\"everyone\""},
        {"- Add a lag alert (owner: the team)\n", "\"the team\""},
        {"- Add a lag alert \xE2\x80\x94 unassigned\n", "\"unassigned\""},
        {"- Add a lag alert (owner: ?)\n", "\"?\""},
        {"- Add a lag alert (owner: none)\n", "\"none\""},
        {"- Add a lag alert [TBD]\n", "\"TBD\""},
        {"- Add a lag alert @everyone\n", "\"@everyone\""},
        {"- Everyone to double-check the pool size\n", "is not an owner"},
        {"- The team will review the alerts\n", "\"The team\""},
        {"- All engineers to be reminded that the guide is mandatory\n",
         "\"All engineers\""},
        {"| Action | Owner |\n|---|---|\n| Add a lag alert | all reviewers "
         "|\n", "\"all reviewers\""},
        {"| Action | Owner |\n|---|---|\n| Add a lag alert | - |\n", "\"-\""},
        /* A ticket does not make up for an owner the item says is
         * missing. */
        {"- Add a lag alert (owner: TBD, OPS-12)\n", "\"TBD\""},
        /* A template's bracketed slot is no name. */
        {"- Add a lag alert (owner: [Name])\n", "\"[Name]\", a placeholder"},
        {"- Add a lag alert [Owner name]\n", "\"[Owner name]\""},
        {"| Action | Owner |\n|---|---|\n| Add a lag alert | [Owner] |\n",
         "\"[Owner]\""},
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_owner_message(rules, cases[i].body, cases[i].quoted, 1);
    bl_rules_free(rules);
}

/* The message answers what the owner written says: that nobody owns the
 * item, that nobody does yet, that anyone may, or that everyone does;
 * "an item everyone owns" fits only the last. */
static void
test_non_owner_messages_fit_the_kind(void **state)
{
    static const struct { const char *body, *says; } cases[] = {
        {"- Add a lag alert (owner: none)\n", "has no owner"},
        {"- Add a lag alert (owner: nobody)\n", "has no owner"},
        {"- Add a lag alert (owner: no one)\n", "has no owner"},
        {"- Add a lag alert \xE2\x80\x94 unassigned\n", "still to be chosen"},
        {"- Add a lag alert (owner: unknown)\n", "still to be chosen"},
        {"- Add a lag alert (owner: to be determined)\n",
         "still to be chosen"},
        {"| Action | Owner |\n|---|---|\n| Add a lag alert | unassigned |\n",
         "still to be chosen"},
        {"- Add a lag alert (owner: someone)\n", "anyone may pick up"},
        {"| Action | Owner |\n|---|---|\n| Add a lag alert | any engineer "
         "|\n", "anyone may pick up"},
        {"- Add a lag alert (owner: everyone)\n", "everyone owns"},
        {"- Add a lag alert (owner: the team)\n", "everyone owns"},
        {"- Add a lag alert @here\n", "everyone owns"},
        {"| Action | Owner |\n|---|---|\n| Add a lag alert | all reviewers "
         "|\n", "everyone owns"},
        {"- Everyone to double-check the pool size\n", "everyone owns"},
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_owner_message(rules, cases[i].body, cases[i].says, 0);
    bl_rules_free(rules);
}

/* Links and references to a ticket count as an owner (the default); links
 * to anything else do not. */
static void
test_ticket_links_count_as_owners(void **state)
{
    static const char *const tickets[] = {
        "- Add a lag alert ([#12](https://github.com/org/repo/issues/12))\n",
        "- Add a lag alert https://github.com/org/repo/pull/7\n",
        "- Add a lag alert <https://gitlab.com/g/p/-/issues/3>\n",
        "- Add a lag alert [MR](https://gitlab.example.com/g/p/-/"
        "merge_requests/44)\n",
        "- Add a lag alert ([OPS-7](https://acme.atlassian.net/browse/OPS-7))"
        "\n",
        "- Add a lag alert "
        "https://acme.atlassian.net/jira/software/projects/OPS/boards/1"
        "?selectedIssue=OPS-9\n",
        "- Add a lag alert https://linear.app/acme/issue/ENG-123/lag-alert\n",
        "- Add a lag alert https://bugzilla.example.org/show_bug.cgi?id=991\n",
        "- Add a lag alert https://dev.azure.com/acme/web/_workitems/edit/55"
        "\n",
        "- [#2226]: Add a lag alert\n\n"
        "[#2226]: https://github.com/rust-lang/crates.io/issues/2226\n",
        "- Add a lag alert (#123)\n",
        "- Add a lag alert, see org/repo#45\n",
        "- Add a lag alert (OPS-123)\n",
        "- Add a lag alert, bug 5554825\n",
        "- Add a lag alert, tracked in PR 45\n",
        "| Action | Ticket |\n|---|---|\n| Add a lag alert | ops/994 |\n",
        "### Later ([tracking issue](https://github.com/o/r/issues/9))\n\n"
        "- Add a lag alert\n- Add a disk alert\n",
        "Tracked in OPS-100.\n\n- Add a lag alert\n- Add a disk alert\n",
    };
    static const char *const not_tickets[] = {
        "- Add a lag alert (https://github.com/org/repo/commit/abc123)\n",
        "- Add a lag alert, like [this one](https://grafana.example.com/d/"
        "lag)\n",
        "- Add a lag alert ([docs](https://docs.example.com/alerts/12))\n",
        "- Patch CVE-2021-44228 in the search service\n",
        "- Switch the signatures to SHA-256\n",
        "- Keep 12 days of WAL on the replicas\n",
        "- Add a lag alert (https://github.com/org/repo)\n",
        "| Action | Ticket |\n|---|---|\n| Add a lag alert | - |\n",
    };
    bl_rules *rules = action_rules();
    char err[128];
    size_t i;

    (void)state;
    EXPECT_EACH(rules, tickets, MISSING_OWNER, 0);
    EXPECT_EACH(rules, not_tickets, MISSING_OWNER, 1);
    /* With the setting off, only named owners count. */
    assert_int_equal(bl_rules_set(rules, "action.owner-from-link", "false",
                                  err, sizeof err), 0);
    for (i = 0; i < sizeof tickets / sizeof *tickets; i++) {
        char *text = pm(tickets[i]);
        bl_diags d;
        bl_doc *doc = lint(rules, text, &d);
        const bl_diag *f = find_rule(&d, MISSING_OWNER);
        assert_true(tu_count_rule(&d, MISSING_OWNER) >= 1);
        assert_null(strstr(f->message, "ticket"));
        bl_diags_free(&d);
        bl_doc_free(doc);
        free(text);
    }
    bl_rules_free(rules);
}

/* A statement that something will not be done is no task: nobody is to
 * own it, date it or word it as one.  Nor is one of how things are now
 * that the work is done.  A rule people must follow ("Nobody to use the
 * token"), a plan ("There will be a game day") and a task to keep
 * something as it is are still items. */
static void
test_statements_are_no_tasks(void **state)
{
    static const char *const none[] = {
        "- No individuals will be reprimanded for this incident.\n",
        "- There will be no disciplinary action.\n",
        "- There will be no disciplinary action; the upgrade followed the "
        "runbook step by step.\n",
        "- No individuals will be reprimanded, and nobody is being "
        "retrained: the change followed the runbook.\n",
        "- No one is being blamed for this.\n",
        "- No one will face disciplinary action for this incident.\n",
        "- Nobody will receive a formal warning.\n",
        "- No one is at fault, and no one is to blame.\n",
        "- None of the responders will be named in the report.\n",
        "- There won't be a rollback of the schema.\n",
        "- There is no plan to replace the broker.\n",
        "- The legacy `mail-master` queue name in the sender config stays "
        "until Q1; renaming it is ticket PLAT-1207.\n",
        "- The old cluster will remain the fallback until March.\n",
        "- The bot now reminds the on-call of open follow-ups every Monday; "
        "Ana set it up on 2026-11-20.\n",
        "- Alerts now page the database on-call.\n",
    };
    static const char *const items[] = {
        "- Improve monitoring\n",
        "- Nobody to use the token going forward\n",
        "- Nobody will deploy on Fridays\n",
        "- Nobody will merge without a second review\n",
        "- No customer will receive a duplicate invoice again\n",
        "- Nobody will suffer another silent pager\n",
        "- There will be a game day in Q3\n",
        "- Ensure the old cluster remains available\n",
        "- We now have to add alerts on lag\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    bl_rules_set_severity(rules, MISSING_DUE, BL_SEV_ON);
    EXPECT_EACH(rules, none, MISSING_OWNER, 0);
    EXPECT_EACH(rules, none, NOT_ACTIONABLE, 0);
    EXPECT_EACH(rules, none, MISSING_DUE, 0);
    EXPECT_EACH(rules, items, MISSING_OWNER, 1);
    EXPECT_EACH(rules, items, NOT_ACTIONABLE, 0);
    expect_body(rules, "- No deploys on Fridays\n", NOT_ACTIONABLE, 1);
    bl_rules_free(rules);
}

/* A runbook step is judged by how the words open (bl_action_opening):
 * that an action item says nothing will be done must not hide a step
 * that states a result instead of what to do. */
static void
test_no_task_leaves_runbook_steps_alone(void **state)
{
    static const char doc[] =
        "---\ntype: runbook\n---\n\n# Queue stuck\n\n## Symptoms\n\n"
        "- The queue depth alert fires.\n\n## Remediation\n\n"
        "1. The alert stays red until the job finishes.\n"
        "2. The pods now restart on their own.\n";
    bl_rules *rules = action_rules();

    (void)state;
    bl_rules_set_severity(rules, "runbook/step-not-imperative", BL_SEV_ON);
    expect_n(rules, doc, "runbook/step-not-imperative", 2);
    bl_rules_free(rules);
}

/* Done items need no owner: checked, marked, in a Done subsection, with a
 * done Status, or written as past work. */
static void
test_done_items_need_no_owner(void **state)
{
    static const char *const done[] = {
        "- [x] Add a lag alert\n",
        "- [X] Add a lag alert\n",
        "- Add a lag alert (done)\n",
        "- Add a lag alert - done\n",
        "- Add a lag alert DONE\n",
        "- Add a lag alert \xE2\x9C\x85\n",
        "- Add a lag alert (completed 2025-03-02)\n",
        "- Done: add a lag alert\n",
        "- Add a lag alert (monitoring done in grafana)\n",
        "- Add a lag alert, fixed in #12\n",
        "- Separate the codes. Note: on investigation, we already do this.\n",
        "- Use our PSPs instead of eks-privilege - this has already been "
        "done.\n",
        "### Done\n\n- Add a lag alert\n",
        "### Immediate actions (completed)\n\n- Add a lag alert\n",
        "| Action | Status |\n|---|---|\n| Add a lag alert | Done |\n",
        "| Action | Ticket |\n|---|---|\n| Add a lag alert | OBS-1 (done) |"
        "\n",
        "- Added a lag alert to the primary\n",
        "- Switched the pool to pgbouncer\n",
        "- Increased the pool size to 40\n",
        "- We enabled branch protection on the repository\n",
        "- We have for several years enabled 2FA for the organisation\n",
        "- We've significantly tightened the release workflow\n",
        "- Re-worked our secrets handling\n",
        "- Timeout values increased to absorb peak load\n",
        "- The security researcher also recommended we sign releases\n",
        "- Group:\n  - [x] Add a lag alert\n  - [x] Add a disk alert\n",
        /* Closed without being done: declined, given up, struck out. */
        "| Action | Owner | Status |\n|---|---|---|\n"
        "| Rewrite the template engine | | Won't do |\n"
        "| Rewrite the router | | Wont do |\n"
        "| Rewrite the cache | | Won\xE2\x80\x99t fix |\n"
        "| Rewrite the proxy | | Cancelled |\n"
        "| Rewrite the queue | | Canceled |\n"
        "| Rewrite the scheduler | | Rejected |\n"
        "| Rewrite the exporter | | Dropped |\n"
        "| Rewrite the agent | | Obsolete |\n"
        "| Rewrite the CLI | | Not planned |\n",
        "- Rewrite the template engine (status: won't do)\n",
        "- Rewrite the template engine \xE2\x80\x94 Status: Not planned\n",
        "- Rewrite the template engine (dropped: the vendor ships one)\n",
        "- Rewrite the template engine\n  - Status: cancelled\n",
        "- ~~Rewrite the template engine~~ (dropped: the vendor ships one)\n",
        "- ~~Rewrite the template engine~~\n",
    };
    static const char *const open[] = {
        "- Alert on rejected logins\n",
        "- Remove obsolete feature flags\n",
        "- Alert when packets are dropped\n",
        "- Decide whether we won't do the rewrite\n",
        "- ~~Rewrite the cache~~ Replace the cache with Redis\n",
        "| Action | Status |\n|---|---|\n| Add a lag alert | Planned |\n",
        "- [ ] Add a lag alert\n",
        "- Make sure the migration is done before launch\n",
        "- Add a lag alert once the rollout is complete\n",
        "- Add a lag alert (to be completed by the DB team)\n",
        "### Planned\n\n- Improved runbooks for failover\n",
        "| Action | Status |\n|---|---|\n| Add a lag alert | open |\n",
        "- Monitoring for the failed backups\n",
        "- Upgrade scheduled for the next window\n",
        "- Skip the hosts that already have the agent\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, done, MISSING_OWNER, 0);
    EXPECT_EACH(rules, done, NOT_ACTIONABLE, 0);
    EXPECT_EACH(rules, open, MISSING_OWNER, 1);
    bl_rules_free(rules);
}

/* Placeholders and guidance for the author are not items. */
static void
test_placeholders_and_guidance_are_not_items(void **state)
{
    static const char *const none[] = {
        "- TBD\n",
        "-\n",
        "- ...\n",
        "1. {{ summary }} [link to github issue]\n",
        "- <action item>\n",
        "| Action item | Owner | Due |\n|---|---|---|\n| TBD | TBD | TBD |\n",
        "| Action | Who |\n|---|---|\n|  |  |\n|  |  |\n",
        "- _Each action item should have an owner and a ticket._\n",
        "- *Add one line per change, with its owner*\n",
        "- List issues that have been created as corrective actions.\n"
        "- For each issue, include the following:\n"
        "    - `<Bare issue link>` - Issue labeled as ~\"corrective action\".\n"
        "    - An estimated date of completion of the corrective action.\n",
        "> - Add a lag alert\n> - Monitoring\n",
        "<!-- - Add a lag alert -->\n",
        "```\n- Add a lag alert\n```\n",
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof none / sizeof *none; i++) {
        expect_body(rules, none[i], MISSING_OWNER, 0);
        expect_body(rules, none[i], NOT_ACTIONABLE, 0);
    }
    bl_rules_free(rules);
}

/* A short label ending in a colon, with a list under it, is a group: its
 * sub-items are the items, and an owner on the label covers them. */
static void
test_group_labels_hold_items(void **state)
{
    static const char *const at[] = {"Assert the exact", "Render a diff"};
    bl_rules *rules = action_rules();
    char *text = pm("- [ ] IAM template tests:\n"
                    "  - [ ] Assert the exact action list\n"
                    "  - [ ] Render a diff in PR comments\n"
                    "  - [ ] Pin the provider (@adebayo)\n");

    (void)state;
    expect_at(rules, text, MISSING_OWNER, at, 2);
    free(text);
    expect_body(rules, "- Database (owner: @dba-team):\n"
                "  - Add a lag alert\n  - Add a disk alert\n",
                MISSING_OWNER, 0);
    /* A short category without the colon is a group too. */
    expect_body(rules, "1. Process improvements\n"
                "   1. Update the runbook (@dana)\n"
                "   2. Add a review step (@sam)\n", NOT_ACTIONABLE, 0);
    expect_body(rules, "1. Process improvements\n"
                "   1. Update the runbook (@dana)\n"
                "   2. Add a review step\n", MISSING_OWNER, 1);
    /* A text that says what will be done is an item with details, colon
     * or not, short or long. */
    static const char *const with_details[] = {
        "- Add alerts for:\n  - disk\n  - replication lag\n",
        "- We plan to add metrics and alerts around:\n"
        "  - disk read amplification\n  - TOAST statistics\n",
        "- We plan to add metrics and alerts around the engine limits that "
        "bit us this time, namely:\n"
        "  - disk read amplification\n  - TOAST statistics\n",
    };
    EXPECT_EACH(rules, with_details, MISSING_OWNER, 1);
    bl_rules_free(rules);
}

/* Details written as a list right after an item ending in a colon, but
 * not indented under it, are still that item's details. */
static void
test_unindented_details_after_a_colon(void **state)
{
    bl_rules *rules = action_rules();

    (void)state;
    expect_body(rules, "1. **Deeper engine monitoring**\n"
                "   We plan to add metrics and alerts around:\n\n"
                "- disk read amplification per write\n"
                "- TOAST table statistics\n\n"
                "2. **Exploring other data stores**\n", MISSING_OWNER, 2);
    /* ... and their owner is the item's. */
    expect_body(rules, "1. Add engine metrics around:\n\n"
                "- disk read amplification (owner: @dba)\n"
                "- TOAST table statistics\n", MISSING_OWNER, 0);
    /* Without the colon, the second list is items of its own. */
    expect_body(rules, "1. Add engine metrics\n\n"
                "- Add a disk alert\n- Add a lag alert\n", MISSING_OWNER, 3);
    bl_rules_free(rules);
}

/* A heading or a paragraph before the items can cover all of them. */
static void
test_headings_and_lead_paragraphs_cover_items(void **state)
{
    static const char *const covered[] = {
        "### Database (owner: @dba-team)\n\n- Add a lag alert\n"
        "- Add a disk alert\n",
        "### Database\n\nAll items below are owned by the DBA team.\n\n"
        "- Add a lag alert\n- Add a disk alert\n",
        "Owner: Dana, for every item below.\n\n| Action | Due |\n|---|---|\n"
        "| Add a lag alert | Q3 |\n",
        /* A lead paragraph of the section covers its subsections too. */
        "All items below are tracked in OPS-100.\n\n### Database\n\n"
        "- Add a lag alert\n\n### Network\n\n- Add a drop alert\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, covered, MISSING_OWNER, 0);
    /* A paragraph after the items, or one that names nobody, does not. */
    expect_body(rules, "Every action item should have a GitHub issue.\n\n"
                "- Add a lag alert\n", MISSING_OWNER, 1);
    expect_body(rules, "- Add a lag alert\n\nOwned by @dana.\n",
                MISSING_OWNER, 1);
    /* A lead paragraph that mentions someone is not a label. */
    expect_body(rules, "Thanks to @dana for the review.\n\n"
                "- Add a lag alert\n", MISSING_OWNER, 1);
    bl_rules_free(rules);
}

/* Tables: one item per body row; the Owner column decides, or the row's
 * text when there is no such column or the cell is empty. */
static void
test_tables_read_owner_columns(void **state)
{
    static const char *const at[] = {"Alert on lag", "Page on disk"};
    bl_rules *rules = action_rules();
    char *text = pm("| # | Action item | Type | Owner | Ticket |\n"
                    "|---|---|---|---|---|\n"
                    "| 1 | Add a lag alert | prevent | @dana | OPS-1 |\n"
                    "| 2 | Alert on lag | detect |  |  |\n"
                    "| 3 | Add a disk alert | detect |  | OPS-3 |\n"
                    "| 4 | Page on disk (**owner: TBD**) | detect | | |\n"
                    "| 5 | Add a CPU alert | detect | Dana | |\n"
                    "| 6 | Add a pool alert (owner: @sam) | detect | | |\n");

    (void)state;
    expect_at(rules, text, MISSING_OWNER, at, 2);
    free(text);
    /* Owner column synonyms. */
    expect_body(rules, "| Action | Who | DRI |\n|---|---|---|\n"
                "| Add a lag alert | Dana | |\n", MISSING_OWNER, 0);
    expect_body(rules, "| Action | Assignee |\n|---|---|\n"
                "| Add a lag alert | @dana |\n", MISSING_OWNER, 0);
    expect_body(rules, "| Action | Point of contact |\n|---|---|\n"
                "| Add a lag alert | Dana |\n", MISSING_OWNER, 0);
    expect_body(rules, "| Task | Owner(s) | Due Date |\n|---|---|---|\n"
                "| Add a lag alert | Dana, Sam | 2025-06-01 |\n",
                MISSING_OWNER, 0);
    /* Other words teams head the column with (OWNER-COLUMN), German ones
     * too: a name there is the owner, an empty cell is none. */
    {
        static const char *const heads[] = {
            "Driver", "Drivers", "Champion", "Verantwortlich",
            "Zust\xC3\xA4ndig", "Action driver"
        };
        size_t k;
        for (k = 0; k < sizeof heads / sizeof *heads; k++) {
            char body[256];
            snprintf(body, sizeof body, "| Action | %s |\n|---|---|\n"
                     "| Add a lag alert | L\xC3\xA9" "a Fontaine |\n"
                     "| Add a disk alert | Owen |\n"
                     "| Add a pool alert | |\n", heads[k]);
            expect_body(rules, body, MISSING_OWNER, 1);
        }
    }
    /* A header is read by its head, its last word: "Action owner" is an
     * owner column, "Action item" the item's. */
    {
        static const char *const heads[] = {
            "Action owner", "Task owner", "Item owner", "Action item owner",
            "Person responsible", "Responsable (Owner)"
        };
        size_t k;
        for (k = 0; k < sizeof heads / sizeof *heads; k++) {
            char body[256];
            snprintf(body, sizeof body, "| Action item | %s |\n|---|---|\n"
                     "| Add a lag alert | Ana Ribeiro |\n"
                     "| Add a disk alert | |\n", heads[k]);
            expect_body(rules, body, MISSING_OWNER, 1);
        }
    }
    expect_body(rules, "| Task | Action | Owner |\n|---|---|---|\n"
                "| Monitoring | Add a lag alert | @dana |\n",
                NOT_ACTIONABLE, 1);
    expect_body(rules, "| Action item | Due (owner's estimate) |\n"
                "|---|---|\n| Add a lag alert | Q3 |\n", MISSING_OWNER, 1);
    /* A bilingual header is read by its translation. */
    expect_body(rules, "| Acci\xC3\xB3n (Action) | Responsable (Owner) | "
                "Fecha l\xC3\xADmite (Due) |\n|---|---|---|\n"
                "| Add a lag alert | Luis Herrera | 2024-06-21 |\n"
                "| Add a disk alert | | 2024-06-21 |\n", MISSING_OWNER, 1);
    /* Without an owner column, the item cell is read like a list item. */
    expect_body(rules, "| Action | Due |\n|---|---|\n"
                "| Add a lag alert \xE2\x80\x94 Dana | Q3 |\n"
                "| Add a disk alert | Q3 |\n", MISSING_OWNER, 1);
    /* A table inside an item is one of its details. */
    expect_body(rules, "- Add the alerts below (@dana)\n\n"
                "  | Alert | Threshold |\n  |---|---|\n"
                "  | Lag | 5 s |\n  | Disk | 90% |\n", MISSING_OWNER, 0);
    /* The item column is the action column, not the first one. */
    expect_body(rules, "| Priority | Action | Owner |\n|---|---|---|\n"
                "| P1 | Monitoring | @dana |\n", NOT_ACTIONABLE, 1);
    bl_rules_free(rules);
}

/* Only the Action Items section (and its subsections) holds items, and
 * only in a postmortem. */
static void
test_only_action_items_of_a_postmortem(void **state)
{
    bl_rules *rules = action_rules();

    (void)state;
    expect_n(rules, "# Incident 2025-03-04: checkout outage\n\n"
             "## Summary\n\n- Monitoring\n\n"
             "## Timeline\n\n- 14:02 Alerting fired\n\n"
             "## Action items\n\n- Add a lag alert (@dana)\n\n"
             "### Database\n\n- Add a disk alert\n\n"
             "## Lessons learned\n\n- Better alerting would have helped\n"
             "- Runbooks were out of date\n",
             MISSING_OWNER, 1);
    expect_n(rules, "# Incident 2025-03-04: checkout outage\n\n"
             "## Summary\n\n- Monitoring\n\n"
             "## Lessons learned\n\n- Better alerting\n",
             NOT_ACTIONABLE, 0);
    /* A README with a to-do list is no postmortem. */
    expect_n(rules, "# Project\n\n## Action items\n\n- Monitoring\n"
             "- Add a lag alert\n", MISSING_OWNER, 0);
    expect_n(rules, "# Project\n\n## Action items\n\n- Monitoring\n",
             NOT_ACTIONABLE, 0);
    bl_rules_free(rules);
}

/* --- Layouts ------------------------------------------------------------- */

/* Setext, numbered and emoji headings, synonyms of the section title. */
static void
test_heading_styles_name_the_section(void **state)
{
    static const char *const docs[] = {
        "Incident 2025-03-04: checkout outage\n"
        "====================================\n\n"
        "Summary\n-------\n\nCheckout failed.\n\n"
        "Action items\n------------\n\n- Add a lag alert\n",
        "# Incident 2025-03-04\n\n## 1. Summary\n\nCheckout failed.\n\n"
        "## 6. \xF0\x9F\x9B\xA0\xEF\xB8\x8F Action Items\n\n"
        "- Add a lag alert\n",
        "# Outage on 2025-03-04\n\n## Summary\n\nCheckout failed.\n\n"
        "## Corrective and Preventative Measures\n\n- Add a lag alert\n",
        "# Outage on 2025-03-04\n\n## Summary\n\nCheckout failed.\n\n"
        "## Follow-ups:\n\n- Add a lag alert\n",
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof docs / sizeof *docs; i++)
        expect_n(rules, docs[i], MISSING_OWNER, 1);
    bl_rules_free(rules);
}

/* CRLF line endings: findings end before the \r. */
static void
test_crlf_positions(void **state)
{
    static const char *const at[] = {"Add a lag alert\r", "Monitoring"};
    const char *text =
        "# Incident 2025-03-04: checkout outage\r\n\r\n"
        "## Summary\r\n\r\nCheckout failed.\r\n\r\n"
        "## Action items\r\n\r\n"
        "- [ ] Add a lag alert\r\n  on the replicas\r\n"
        "- [ ] Monitoring\r\n  (owner: @dana)\r\n";
    bl_rules *rules = action_rules();
    bl_diags d;
    bl_doc *doc;

    (void)state;
    expect_at(rules, text, MISSING_OWNER, at, 1);
    expect_at(rules, text, NOT_ACTIONABLE, at + 1, 1);
    doc = lint(rules, text, &d);
    assert_int_equal(d.items[0].end, tu_off(doc, "\r\n  on the"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* Front matter says it is a postmortem; <details> blocks hold items too. */
static void
test_front_matter_and_details_blocks(void **state)
{
    static const char *const at[] = {"Add a lag alert", "Add a disk alert"};
    const char *text =
        "---\ntitle: Checkout outage\ntype: postmortem\n"
        "owner: Dana\n---\n\n"
        "# Checkout outage\n\n## Action items\n\n"
        "- Add a lag alert\n\n"
        "<details>\n<summary>Older items</summary>\n\n"
        "- Add a disk alert\n- Add a CPU alert (@sam)\n\n"
        "</details>\n";
    bl_rules *rules = action_rules();

    (void)state;
    expect_at(rules, text, MISSING_OWNER, at, 2);
    bl_rules_free(rules);
}

/* --- action/missing-due-date --------------------------------------------- */

static bl_rules *
due_rules(void)
{
    bl_rules *rules = action_rules();

    bl_rules_set_severity(rules, MISSING_DUE, BL_SEV_ON);
    return rules;
}

static void
test_due_date_rule_is_off_by_default(void **state)
{
    bl_rules *rules = action_rules();
    const bl_rule_info *info = bl_rules_find(rules, MISSING_DUE);

    (void)state;
    assert_non_null(info);
    assert_int_equal(info->on_severity, BL_SEV_INFO);
    expect_body(rules, "- Add a lag alert (@dana)\n", MISSING_DUE, 0);
    bl_rules_free(rules);
    rules = due_rules();
    expect_body(rules, "- Add a lag alert (@dana)\n", MISSING_DUE, 1);
    bl_rules_free(rules);
}

static void
test_due_date_forms(void **state)
{
    static const char *const dated[] = {
        "- Add a lag alert (due: 2025-03-01)\n",
        "- Add a lag alert by 2025/03/01\n",
        "- Add a lag alert by 03/01/2025\n",
        "- Add a lag alert, due: Friday\n",
        "- Add a lag alert by Friday\n",
        "- Add a lag alert in Q3\n",
        "- Add a lag alert (Q3 2025)\n",
        "- Add a lag alert in H2\n",
        "- Add a lag alert, FY26\n",
        "- Add a lag alert by end of sprint\n",
        "- Add a lag alert by the end of the quarter\n",
        "- Add a lag alert, EOW\n",
        "- Add a lag alert next sprint\n",
        "- Add a lag alert in Sprint 42\n",
        "- Add a lag alert within 2 weeks\n",
        "- Add a lag alert by 1 March\n",
        "- Add a lag alert by March 14th\n",
        "- Add a lag alert in March 2025\n",
        "- Add a lag alert by mid-April\n",
        "- Add a lag alert (ETA: next week)\n",
        "- Add a lag alert\n  - Deadline: 2025-04\n",
        "| Action | Due |\n|---|---|\n| Add a lag alert | soon-ish |\n",
        "| Action | Target date |\n|---|---|\n| Add a lag alert | W12 |\n",
        "### Long-term (Q4 2025 - Q1 2026)\n\n- Add a lag alert\n",
        "- Add a lag alert (done)\n",
    };
    static const char *const undated[] = {
        "- Add a lag alert (due: TBD)\n",
        "- Add a lag alert (ETA: ?)\n",
        "- Upgrade the driver to 4.2.10\n",
        "- Alert when the pool may shrink below 10 connections\n",
        "- Add a lag alert for the 99th percentile\n",
        "| Action | Due |\n|---|---|\n| Add a lag alert | TBD |\n",
        "| Action | Due |\n|---|---|\n| Add a lag alert |  |\n",
    };
    bl_rules *rules = due_rules();

    (void)state;
    EXPECT_EACH(rules, dated, MISSING_DUE, 0);
    EXPECT_EACH(rules, undated, MISSING_DUE, 1);
    bl_rules_free(rules);
}

/* --- action/not-actionable ----------------------------------------------- */

static void
test_items_that_start_with_a_verb_are_actionable(void **state)
{
    static const char *const verbs[] = {
        "- Add a lag alert\n",
        "- Alert on replication lag above 5 s\n",
        "- Page the on-call when the queue backs up\n",
        "- Document the failover\n",
        "- Backfill the missed orders\n",
        "- Re-enable the canary stage\n",
        "- Investigate the pool exhaustion\n",
        "- Reindex the orders table\n",
        "- Containerize the build agents\n",
        "- Disband the concourse repository and split it up\n",
        "- Speak to the namespace owner\n",
        "- Double-check the GPO scope in the change template\n",
        "- Set up a staging cluster\n",
        "- test and notify when `kubectl logs` fails\n",
        "- Add/update the lag alerts\n",
        /* A compound of two verbs may still be a noun: missed, not flagged. */
        "- Read/write path separation\n",
        "- **Implement priority classes**: critical pods first.\n",
        "- **Monitoring**: add a lag alert\n",
        "- Monitoring: add a lag alert\n",
        "- **HIGH** Include downloads in the smoke test\n",
        "- P1: Alert on lag\n",
        "- [P2] Alert on lag\n",
        "- [#2226]: Add logging when publishing starts\n",
        "- OPS-12: Add logging when publishing starts\n",
        "- Q3: Migrate the cluster\n",
        "- @dana: add a lag alert\n",
        "- Also add a disk alert\n",
        "- Never deploy on a Friday without a second approver\n",
        "- We should have alerting on config load failures\n",
        "- We need to streamline our pipelines\n",
        "- All applications should run in containers\n",
        "- The release process must include a beta period\n",
        "- SRE team to add a lag alert\n",
        "- Arjun to review the WAF rules\n",
        "- Adding a retry to the client\n",
        "- Adding samples to the test suite (@sre)\n",
        "- After failover, automatically trigger a rolling reload (@sre)\n",
        "- Accounts service: on read-only error, drop the connection (@sre)\n",
        "- Reviewing rollout thresholds for all user-facing flows each "
        "quarter (@sre)\n",
        "- Exploring other data stores\n",
        /* After a bold title, the sentence is judged as if alone (PostHog's
         * flags-is-down and persons-db-migration postmortems). */
        "1. **Deeper engine monitoring**\n   We plan to add metrics\n",
        "- **Retries**: Adding a retry to the client\n",
        "- **Monitoring**: Adding a lag alert\n",
        "### Planned\n\n- **Improved runbooks for engine limits**: Document "
        "the symptoms\n",
        "- `kubectl drain` must respect PDBs\n",
        "- \xF0\x9F\x94\xA7 Fix the lag alert\n",
        "- \xC3\x9C" "berwachung einrichten\n",
        "- Let's add a lag alert\n",
        "- Don't deploy on Fridays\n",
        "- Come up with guidelines for heavy load\n",
        "- **Owner:** Dana \xE2\x80\x94 Add a lag alert\n",
        "- Gradually roll out the new pool size\n",
        "- Renew the certificates\n",
        "- Reissue the invoices\n",
        "- @dana to add a lag alert\n",
        /* Verbs of the trade, and compounds whose last part is a verb. */
        "- Canary config changes on one pod for 10 minutes\n",
        "- Dogfood the validator on internal services\n",
        "- Heartbeat the scheduler every minute\n",
        "- Chaos-test the partition between zones\n",
        "- Geo-replicate the session store\n",
        "- Load-test the checkout path\n",
        "- Smoke-test each release in staging\n",
        "- Feature-flag the new pool size\n",
        "- Honour the lower price for affected orders\n",
        "- Honor the refund requests filed during the outage\n",
        /* Verbs QA found missing from the list (reported as "not a
         * verb"), and a compound whose last part is one of them. */
        "- Reap zombie processes left by failed retries\n",
        "- Reference certificates through a data source\n",
        "- Invert the test default so tests match production\n",
        "- Fall back to `summary` when `description` is empty\n",
        "- Decode images in tiles\n",
        "- Transcode uploads in a job queue\n",
        "- Stream-decode source images in the 4K path\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, verbs, NOT_ACTIONABLE, 0);
    bl_rules_free(rules);
}

/* An item that says what will be true once it is done can be checked
 * a month later as well as an imperative can: a subject with a verb in
 * the present and its object, a noun with a clause that says what it
 * does, or either after a label.  (Items from fresh QA documents.) */
static void
test_items_that_state_the_outcome_are_actionable(void **state)
{
    static const char *const outcomes[] = {
        "- ERP export checks the quality suite status before sending\n",
        "- Gateways fetch JWKS from the internal endpoint\n",
        "- Origin adds `Vary: Cookie` to all authenticated pages\n",
        "- Disk dashboard shows exact percentage and time to flood\n",
        "- IT offboarding of devices triggers a contact-method review\n",
        "- New on-call engineers shadow one game day first\n",
        "- Announcement pipeline refuses any change above 80% of its "
        "limit\n",
        "- SQLFluff custom rule that rejects `CURRENT_DATE` in DAG SQL\n",
        "- DAG test that renders every task's SQL for three dates\n",
        "- Rotation runbook with a pre-flight check that the new `kid` is "
        "visible\n",
        "- Onboarding tasks that touch shared infrastructure are paired\n",
        "- Conftest rule: every PDB must select at least one workload\n",
        "- Runbook review: every destructive step lists its blast radius\n",
        "- Pre-flight check in the reindex job: refuse to start if the "
        "disk is full\n",
        "- Colour-code the prod environment in the flag UI\n",
        "| Action | Owner |\n|---|---|\n| Shell prompt shows the current "
        "PGHOST in red | @dana |\n",
    };
    bl_rules *rules = action_rules();

    (void)state;
    EXPECT_EACH(rules, outcomes, NOT_ACTIONABLE, 0);
    bl_rules_free(rules);
}

static void
test_noun_phrases_gerunds_and_questions_are_not_actionable(void **state)
{
    static const struct { const char *body, *quoted; } cases[] = {
        {"- Monitoring (@dana)\n", "\"Monitoring\""},
        {"- Better alerting (@dana)\n", "\"Better\""},
        {"- Runbook for failover (@dana)\n", "\"Runbook\""},
        {"- Postgres upgrade (@dana)\n", "\"Postgres\""},
        {"- Testing for proxying (@dana)\n", "\"Testing\""},
        {"- Alerting on lag (@dana)\n", "\"Alert ...\""},
        {"- Something about node limits? (@dana)\n", "\"Something\""},
        {"- Can we page on replica lag? (@dana)\n", "question"},
        {"- **Circuit breaker implementation**: Circuit breakers with "
         "backoff (@dana)\n", "\"Circuit\""},
        {"- **Alerting**: Monitoring (@dana)\n", "\"Monitoring\""},
        {"- **Circuit breaker implementation**: Adding circuit breakers with "
         "backoff (@dana)\n", "\"Adding\" names an activity"},
        {"- Improving monitoring (@dana)\n", "\"Improving\""},
        {"- If possible, monitoring (@dana)\n", "\"Monitoring\""},
        {"- Monitoring improvements for the checkout service (@dana)\n",
         "\"Monitoring\""},
        {"- Investigating caching (@dana)\n", "\"Investigating\""},
        {"- Automatic process to detect CVEs (@dana)\n", "\"Automatic\""},
        {"- Written warning for the ops engineers (@dana)\n", "\"Written\""},
        {"- Detailed runbook for failover (@dana)\n", "\"Detailed\""},
        {"### Planned\n\n- Improved runbooks for failover (@dana)\n",
         "\"Improved\""},
        {"| Action | Owner |\n|---|---|\n| Better dashboards | @dana |\n",
         "\"Better\""},
        /* A compound after a preposition, or longer than two parts, is a
         * noun or an adjective although it ends on a verb. */
        {"- On-call handbook for the payments team (@dana)\n",
         "\"On-call\""},
        {"- Post-deploy checks for the API (@dana)\n", "\"Post-deploy\""},
        {"- End-to-end tests for checkout (@dana)\n", "\"End-to-end\""},
        /* A verb form with no object is still a topic: "alerts" here is
         * a plural, as is "pages". */
        {"- Better alerts for the API (@dana)\n", "\"Better\""},
        {"- Better alerts, dashboards and runbooks (@dana)\n",
         "\"Better\""},
        {"- Fewer pages (@dana)\n", "\"Fewer\""},
        /* The word is quoted as written, capitals and all. */
        {"- SQLFluff rules (@dana)\n", "\"SQLFluff\""},
        {"- CDN config as code (@dana)\n", "\"CDN\""},
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *text = pm(cases[i].body);
        bl_diags d;
        bl_doc *doc = lint(rules, text, &d);
        const bl_diag *f = find_rule(&d, NOT_ACTIONABLE);
        if (f == NULL || strstr(f->message, cases[i].quoted) == NULL) {
            print_error("case %zu: want %s\n", i, cases[i].quoted);
            dump(doc, &d);
        }
        assert_int_equal(tu_count_rule(&d, NOT_ACTIONABLE), 1);
        assert_int_equal(tu_count_rule(&d, MISSING_OWNER), 0);
        assert_non_null(strstr(f->message, cases[i].quoted));
        bl_diags_free(&d);
        bl_doc_free(doc);
        free(text);
    }
    bl_rules_free(rules);
}

/* Under a heading named only by its translation ("## Maßnahmen (Action
 * Items)") the items are in another language, whose verb may come last:
 * the English verb list cannot judge them.  Their owners are still
 * checked, and English items under an English heading still are. */
static void
test_translated_action_items_are_not_judged_by_english_verbs(void **state)
{
    bl_rules *rules = action_rules();
    bl_diags d;
    bl_doc *doc = lint(rules,
        "# Incident 2025-03-04: Login\n\n## Summary\n\nDown for 35 minutes."
        "\n\n## Ma\xC3\x9Fnahmen (Action Items)\n\n"
        "- TLS-Konfiguration im Session-Client aktivieren\n"
        "- Ablaufdatum der Zertifikate \xC3\xBC" "berwachen (@dana)\n\n"
        "### Kurzfristig\n\n- Runbook schreiben (@dana)\n", &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, NOT_ACTIONABLE), 0);
    assert_int_equal(tu_count_rule(&d, MISSING_OWNER), 1);
    bl_diags_free(&d);
    bl_doc_free(doc);
    doc = lint(rules, "# Incident 2025-03-04: Login\n\n## Summary\n\nDown."
               "\n\n## Action Items (Ma\xC3\x9Fnahmen)\n\n"
               "- Runbook for failover (@dana)\n", &d);
    assert_int_equal(tu_count_rule(&d, NOT_ACTIONABLE), 1);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* Lints one action item under "## Action items" and asserts how many
 * not-actionable findings it gets and, when one is wanted and `quoted` is
 * given, that its message holds `quoted`. */
static void
expect_not_actionable(const bl_rules *rules, const char *item,
                      size_t reported, const char *quoted)
{
    bl_diags d;
    char *text = pm(item);
    bl_doc *doc = lint(rules, text, &d);
    const bl_diag *f = find_rule(&d, NOT_ACTIONABLE);

    if (tu_count_rule(&d, NOT_ACTIONABLE) != reported)
        fail_msg("%s: %zu not-actionable, want %zu", item,
                 tu_count_rule(&d, NOT_ACTIONABLE), reported);
    if (quoted != NULL && strstr(f->message, quoted) == NULL)
        fail_msg("%s: message %s lacks %s", item, f->message, quoted);
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(text);
}

/* Items written in another language under an English heading (QA's
 * structure-3: "Configurar `lock_timeout` para el usuario de
 * migraciones"): two function words of one language mark the line, and
 * the English verb list does not judge it.  One such word in an English
 * item ("Los Angeles", "de-dup") is no language. */
static void
test_items_in_another_language_are_not_judged_by_english_verbs(void **state)
{
    static const struct { const char *item; size_t reported; } cases[] = {
        {"- Configurar el l\xC3\xADmite para el usuario de migraciones "
         "(@nuria)\n", 0},
        {"- Ejecutar las migraciones en una ventana de baja actividad "
         "(@marta)\n", 0},
        {"- Ablaufdatum der Zertifikate f\xC3\xBCr den Export (@dana)\n", 0},
        {"- Surveillance des certificats pour le service (@dana)\n", 0},
        {"- Dashboard for the Los Angeles pods (@dana)\n", 1},
        {"- Runbook for the de-dup job in LA (@dana)\n", 1},
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_not_actionable(rules, cases[i].item, cases[i].reported, NULL);
    bl_rules_free(rules);
}

/* Terse teams' items (QA's round 6): a change written with an arrow is a
 * change; after "owner: @jon —" or "@cs-lead (Rosa) —" the work is what
 * is judged and quoted; "Staging", "Paging" and "Versioning" name things,
 * so no -ing verb is suggested for them. */
static void
test_terse_items_are_read_past_their_owner_and_by_their_arrows(void **state)
{
    static const struct {
        const char *item;
        size_t reported;
        const char *quoted;   /* in the message, when reported */
    } cases[] = {
        {"- [ ] ASG max \xE2\x86\x92 30, review cost in Aug \xE2\x80\x94 "
         "@kenji\n", 0, NULL},
        {"- [ ] OS client timeout 30s -> 2s for autocomplete \xE2\x80\x94 "
         "@arjun\n", 0, NULL},
        {"- [ ] CODEOWNERS for `scripts/cdn/` \xE2\x80\x94 @hannah\n", 1,
         "\"CODEOWNERS\""},
        {"- owner: @jon \xE2\x80\x94 per-org allowlist for SHA-1 \xE2\x80\x94 "
         "due 11-29\n", 1, "\"Per-org\""},
        {"- owner: @cs-lead (Rosa) \xE2\x80\x94 outreach to the 14 orgs "
         "\xE2\x80\x94 due 12-01\n", 1, "\"Outreach\""},
        {"- owner: @maria \xE2\x80\x94 add an alert on the reject rate\n", 0,
         NULL},
        {"- [ ] versioning mandatory for user-data buckets \xE2\x80\x94 owner "
         "@ravi\n", 1, "\"Versioning\", which is not a verb"},
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_not_actionable(rules, cases[i].item, cases[i].reported,
                              cases[i].quoted);
    bl_rules_free(rules);
}

/* A first word the check does not know as a verb may still be one
 * ("Quote the variables"): the message says what the check sees, not
 * that the word is no verb. */
static void
test_not_actionable_says_what_it_sees(void **state)
{
    static const char *const bodies[] = {
        "- Quote the variables in the deploy script (@dana)\n",
        "- Better alerting (@dana)\n",
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        char *text = pm(bodies[i]);
        bl_diags d;
        bl_doc *doc = lint(rules, text, &d);
        const bl_diag *f = find_rule(&d, NOT_ACTIONABLE);
        assert_non_null(f);
        if (strstr(f->message, "not a verb this check knows") == NULL
            || strstr(f->message, "\", not a verb") != NULL)
            dump(doc, &d);
        assert_non_null(strstr(f->message, "seems to name a topic"));
        assert_non_null(strstr(f->message, "not a verb this check knows"));
        assert_null(strstr(f->message, "\", not a verb"));
        bl_diags_free(&d);
        bl_doc_free(doc);
        free(text);
    }
    bl_rules_free(rules);
}

/* The message's two examples differ, also when the item's own verb is
 * the usual second one ("Adding" gave "Add ...", "Add ..."). */
static void
test_not_actionable_examples_differ(void **state)
{
    bl_rules *rules = action_rules();
    char *text = pm("- Adding for the team (@dana)\n");
    bl_diags d;
    bl_doc *doc = lint(rules, text, &d);
    const bl_diag *f = find_rule(&d, NOT_ACTIONABLE);

    (void)state;
    assert_non_null(f);
    assert_non_null(strstr(f->message, "\"Add ...\", \"Document ...\""));
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(text);
    bl_rules_free(rules);
}

/* "Going forward," says when, not what: the item is read after it.  And
 * an -ing word of a verb that says little alone is not offered back as
 * the verb to start with ("Go ...", "Get ..."). */
static void
test_when_phrases_and_light_verbs(void **state)
{
    static const char *const verbs[] = {
        "- Going forward, add a lag alert (@dana)\n",
        "- From now on, page the DBA on replica lag (@dana)\n",
        "- In the future, run a game day each quarter (@dana)\n",
    };
    static const char *const reported[] = {
        "- Going forward, owners of calendar items are expected to act on "
        "the reminders (@dana)\n",
        "- Going forward we will add alerts (@dana)\n",
        "- Getting better at failover (@dana)\n",
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    EXPECT_EACH(rules, verbs, NOT_ACTIONABLE, 0);
    for (i = 0; i < sizeof reported / sizeof *reported; i++) {
        char *text = pm(reported[i]);
        bl_diags d;
        bl_doc *doc = lint(rules, text, &d);
        const bl_diag *f = find_rule(&d, NOT_ACTIONABLE);
        if (f == NULL || strstr(f->message, "\"Go ...\"") != NULL
            || strstr(f->message, "\"Get ...\"") != NULL) {
            print_error("case %zu:\n", i);
            dump(doc, &d);
        }
        assert_non_null(f);
        assert_null(strstr(f->message, "\"Go ...\""));
        assert_null(strstr(f->message, "\"Get ...\""));
        assert_non_null(strstr(f->message, "\"Add ...\""));
        bl_diags_free(&d);
        bl_doc_free(doc);
        free(text);
    }
    bl_rules_free(rules);
}

/* The finding sits on the item text, past the bold markers. */
static void
test_not_actionable_position(void **state)
{
    static const char *const at[] = {"Health check optimization**"};
    bl_rules *rules = action_rules();
    char *text = pm("- **Health check optimization**: Configuring probes.\n"
                    "  More text (@dana)\n");

    (void)state;
    expect_at(rules, text, NOT_ACTIONABLE, at, 1);
    free(text);
    bl_rules_free(rules);
}

/* An image or code span before the text stands for no source byte or
 * for the code: the finding starts at the first real text, and is never
 * empty (found by the fuzzer). */
static void
test_spans_start_at_real_text(void **state)
{
    static const char *const at[] = {"Add a lag alert\n", "code` here",
                                     "Reindex\n"};
    bl_rules *rules = action_rules();
    char *text = pm("- ![chart](lag.png) Add a lag alert\n"
                    "- `code` here\n"
                    "- ![chart](lag.png)\n  Reindex\n");

    (void)state;
    expect_at(rules, text, MISSING_OWNER, at, 3);
    free(text);
    bl_rules_free(rules);
}

/* --- The rules' data ----------------------------------------------------- */

static const char *
define_of(const bl_rules *rules, const char *name)
{
    size_t i;

    for (i = 0; i < rules->defines.n; i++)
        if (strcmp(rules->defines.items[i].name, name) == 0)
            return rules->defines.items[i].pattern;
    fail_msg("no Define: %s", name);
    return NULL;
}

/* Jargon of the trade that the en_US dictionary does not know as a verb. */
static const char *const jargon[] = {
    "allowlist", "backfill", "backport", "backup", "blocklist", "cleanup",
    "clean-up", "dedupe", "deduplicate", "denylist", "deprioritize",
    "deprovision", "diff", "dont", "don't", "failover", "follow-up",
    "hotfix", "lint", "offboard", "offload", "operationalise",
    "operationalize", "parallelise", "parameterise", "precompute",
    "prefetch", "preload", "prewarm", "quiesce", "rate-limit",
    "re-architect", "rebase", "rewire", "right-size", "rightsize",
    "roll-back", "rollback", "roll-out", "rollout", "sandbox", "set-up",
    "setup", "shard", "symlink", "timebox", "uninstall", "unset",
    "upstream", "whitelist", "anonymize", "containerize", "downscale",
    "monitor", "onboard", "debounce", "snapshot", "triage", "demo",
    "enrol", "architect", "inline", "proxy", "sunset", "template", "vendor",
    "autoscale", "declutter", "defragment", "firewall", "hardcode", "jitter",
    "rekey", "uncordon", "upsize", "canary", "dogfood", "heartbeat",
    "honour", "transcode", NULL
};

static int
is_jargon(const char *w)
{
    size_t k;

    for (k = 0; jargon[k] != NULL; k++)
        if (strcmp(jargon[k], w) == 0)
            return 1;
    return 0;
}

/* Hunspell cannot say "verb", but a word whose -ing or -ed form it knows
 * can be one: every word of ACTION-VERB passes that test or is listed
 * jargon, so the list holds no noun by mistake. */
static void
test_action_verbs_are_verbs(void **state)
{
    bl_rules *rules = action_rules();
    const char *p = define_of(rules, "ACTION-VERB");
    Hunhandle *h;
    FILE *probe = fopen("/usr/share/hunspell/en_US.dic", "r");
    size_t words = 0, bad = 0;

    (void)state;
    if (probe == NULL) {
        bl_rules_free(rules);
        skip();
    }
    fclose(probe);
    h = Hunspell_create("/usr/share/hunspell/en_US.aff",
                        "/usr/share/hunspell/en_US.dic");
    assert_non_null(h);
    while (*p) {
        size_t n = strcspn(p, "|");
        char w[64], form[80];
        int ok;
        assert_true(n > 0 && n < sizeof w);  /* no empty branch, no "||" */
        memcpy(w, p, n);
        w[n] = '\0';
        words++;
        snprintf(form, sizeof form, "%sing", w);
        ok = Hunspell_spell(h, form);
        snprintf(form, sizeof form, "%.*sing", (int)n - 1, w);
        ok |= w[n - 1] == 'e' && Hunspell_spell(h, form);
        snprintf(form, sizeof form, "%s%cing", w, w[n - 1]);
        ok |= Hunspell_spell(h, form);
        snprintf(form, sizeof form, "%sed", w);
        ok |= Hunspell_spell(h, form);
        snprintf(form, sizeof form, "%sd", w);
        ok |= w[n - 1] == 'e' && Hunspell_spell(h, form);
        /* British spellings: the dictionary is American. */
        if (!ok && n > 3 && (strcmp(w + n - 3, "ise") == 0
                             || strcmp(w + n - 3, "yse") == 0)) {
            snprintf(form, sizeof form, "%.*sz%s", (int)n - 2, w,
                     "ed");
            ok = Hunspell_spell(h, form);
        }
        if (!ok && (strcmp(w, "catalogue") == 0 || strcmp(w, "practise") == 0))
            ok = 1;
        if (!ok && strncmp(w, "colour", 6) == 0 && w[n - 1] == 'e') {
            snprintf(form, sizeof form, "color%sd", w + 6);
            ok = Hunspell_spell(h, form);   /* "colour-code": "color-coded" */
        }
        if (!ok && !is_jargon(w)) {
            print_error("ACTION-VERB: \"%s\" has no -ing or -ed form\n", w);
            bad++;
        }
        p += n;
        p += *p == '|';
    }
    Hunspell_destroy(h);
    assert_true(words > 500);
    assert_int_equal(bad, 0);
    bl_rules_free(rules);
}

/* The Define: patterns the check compiles on its own do compile. */
static void
test_defines_compile(void **state)
{
    static const char *const names[] = {"DUE-DATE", "TRACKER-URL",
                                        "TRACKER-REF"};
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < 3; i++) {
        int err;
        PCRE2_SIZE off;
        pcre2_code *c = pcre2_compile((PCRE2_SPTR)define_of(rules, names[i]),
                                      PCRE2_ZERO_TERMINATED, BL_PCRE2_OPTIONS,
                                      &err, &off, NULL);
        if (c == NULL)
            fail_msg("%s does not compile at %zu", names[i], (size_t)off);
        pcre2_code_free(c);
    }
    bl_rules_free(rules);
}

/* Every rule explains the forms it accepts and the setting. */
static void
test_rules_explain_themselves(void **state)
{
    bl_rules *rules = action_rules();
    const bl_rule_info *owner = bl_rules_find(rules, MISSING_OWNER);
    size_t i;
    int found = 0;

    (void)state;
    assert_non_null(owner);
    assert_int_equal(owner->on_severity, BL_SEV_WARNING);
    assert_non_null(strstr(owner->explain, "action.owner-from-link"));
    assert_non_null(strstr(owner->explain, "/browse/"));
    assert_int_equal(bl_rules_find(rules, NOT_ACTIONABLE)->on_severity,
                     BL_SEV_INFO);
    for (i = 0; i < bl_rules_setting_count(rules); i++) {
        const bl_setting_info *s = bl_rules_setting_at(rules, i);
        if (strcmp(s->key, "action.owner-from-link") == 0) {
            found = 1;
            assert_string_equal(s->type, "bool");
            assert_string_equal(s->default_value, "true");
        }
    }
    assert_true(found);
    bl_rules_free(rules);
}

/* --- Bad input ----------------------------------------------------------- */

static double
seconds_since(const struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec)
           + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* --- Action Items written as a label --------------------------------- */

#define LABEL_HEAD "# Incident 2025-03-04: checkout outage\n\n" \
                   "## Summary\n\nCheckout failed for 40 minutes.\n\n"

/* A bold label, a "- **Label**:" item or a <details> summary that names
 * Action Items is read as the section would be. */
static void
test_labelled_action_items_are_read(void **state)
{
    static const char *const unowned[] = {
        LABEL_HEAD "**Action items**\n\n- Add a lag alert\n",
        LABEL_HEAD "**Action items:**\n\n- Add a lag alert\n",
        LABEL_HEAD "- **Impact**: 40 minutes of failed checkouts.\n"
                   "- **Action items**:\n  - Add a lag alert\n",
        LABEL_HEAD "<details><summary>Action items</summary>\n\n"
                   "- Add a lag alert\n\n</details>\n",
        /* The label last in its list, over a list not indented under
         * it: the label is no item. */
        LABEL_HEAD "- **Impact**: 40 minutes of failed checkouts.\n"
                   "- **Action items**:\n\n1. Add a lag alert\n",
    };
    bl_rules *rules = action_rules();
    size_t i;
    char owned[512];

    (void)state;
    for (i = 0; i < sizeof unowned / sizeof *unowned; i++) {
        const char *at = strstr(unowned[i], "alert");
        expect_n(rules, unowned[i], MISSING_OWNER, 1);
        snprintf(owned, sizeof owned, "%.*s alert (owner: @dana)%s",
                 (int)(at - unowned[i]), unowned[i], at + 5);
        expect_n(rules, owned, MISSING_OWNER, 0);
        expect_n(rules, owned, NOT_ACTIONABLE, 0);
    }
    expect_n(rules, LABEL_HEAD "**Action items**\n\n- Monitoring for the "
             "pool (owner: @dana)\n", NOT_ACTIONABLE, 1);
    bl_rules_free(rules);
}

/* A labelled part ends where the next heading, label or </details>
 * starts: what follows is read as it was before. */
static void
test_where_a_labelled_part_ends(void **state)
{
    static const char *const docs[] = {
        LABEL_HEAD "**Action items**\n\n- Add a lag alert\n\n"
                   "**Lessons learned**\n\n- Monitoring was slow to page\n",
        LABEL_HEAD "**Action items**\n\n- Add a lag alert\n\n"
                   "## Lessons learned\n\n- Monitoring was slow to page\n",
        LABEL_HEAD "- **Action items**:\n  - Add a lag alert\n"
                   "\nMonitoring:\n\n- Monitoring was slow to page\n",
        LABEL_HEAD "<details><summary>Action items</summary>\n\n"
                   "- Add a lag alert\n\n</details>\n\n"
                   "- Monitoring was slow to page\n",
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof docs / sizeof *docs; i++) {
        expect_n(rules, docs[i], MISSING_OWNER, 1);
        expect_n(rules, docs[i], NOT_ACTIONABLE, 0);
    }
    bl_rules_free(rules);
}

/* Only a label that stands for a section starts one. */
static void
test_what_is_no_label(void **state)
{
    static const char *const clean[] = {
        /* A bold phrase in a sentence. */
        LABEL_HEAD "**Action items** were agreed in the review.\n\n"
                   "- Monitoring was slow to page\n",
        /* A "- **Label**: text" item with nothing nested in it. */
        LABEL_HEAD "- **Action items**: see the tracker\n"
                   "- **Lessons**: monitoring was slow to page\n",
        /* Not a postmortem: no structure is read. */
        "# Team notes\n\n**Action items**\n\n- Monitoring for the pool\n",
    };
    bl_rules *rules = action_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof clean / sizeof *clean; i++) {
        expect_n(rules, clean[i], MISSING_OWNER, 0);
        expect_n(rules, clean[i], NOT_ACTIONABLE, 0);
    }
    bl_rules_free(rules);
}

/* A label inside the Action Items section adds no second reading. */
static void
test_a_label_under_the_heading_reads_once(void **state)
{
    bl_rules *rules = action_rules();

    (void)state;
    expect_n(rules, LABEL_HEAD "## Action items\n\n**Action items**\n\n"
             "- Add a lag alert\n", MISSING_OWNER, 1);
    expect_n(rules, LABEL_HEAD "## Action items\n\n- Add a lag alert\n\n"
             "## Notes\n\n**Follow-up actions**\n\n- Add a disk alert\n",
             MISSING_OWNER, 2);
    bl_rules_free(rules);
}

/* Invalid UTF-8 in items and in link destinations, control characters in
 * an owner quoted by a message, a huge item, very deep nesting and a very
 * wide table: no crash, bounded time, safe messages. */
static void
test_hostile_input(void **state)
{
    bl_rules *rules = due_rules();
    bl_strbuf sb = {NULL, 0, 0};
    struct timespec t0;
    bl_diags d;
    bl_doc *doc;
    char *text;
    size_t i;

    (void)state;
    text = pm("- Add \xFF\xFE a lag alert [x](https://github.com/o/r/issues/"
              "\xFF\xC3)\n- Monitoring \xC3\n- Add it (owner: \x1b]0;x\x07)\n"
              "- Add it (owner: {{\x1b[1m name\x07}})\n");
    doc = lint(rules, text, &d);
    /* The template slot is quoted, its control characters are not. */
    assert_int_equal(tu_count_rule(&d, MISSING_OWNER), 3);
    assert_non_null(strstr(d.items[d.n - 1].message, "\"{{ [1m name }}\""));
    for (i = 0; i < d.n; i++)
        for (const char *m = d.items[i].message; *m; m++)
            assert_true((unsigned char)*m >= 0x20);
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(text);

    assert_int_equal(bl_strbuf_add(&sb, "", 0), 0);
    for (i = 0; i < 200000; i++)
        assert_int_equal(bl_strbuf_add(&sb, "Monitoring ", 11), 0);
    text = pm(sb.items);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    expect_n(rules, text, NOT_ACTIONABLE, 0);  /* a paragraph, no item */
    free(text);

    sb.n = 0;
    for (i = 0; i < 2000; i++) {
        size_t k;
        for (k = 0; k < i; k++)
            assert_int_equal(bl_strbuf_add(&sb, "  ", 2), 0);
        assert_int_equal(bl_strbuf_addf(&sb, "- Group %zu:\n", i), 0);
    }
    text = pm(sb.items);
    doc = lint(rules, text, &d);
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(text);

    sb.n = 0;
    for (i = 0; i < 100; i++)
        assert_int_equal(bl_strbuf_addf(&sb, "| Owner %zu ", i), 0);
    assert_int_equal(bl_strbuf_add(&sb, "|\n", 2), 0);
    for (i = 0; i < 100; i++)
        assert_int_equal(bl_strbuf_add(&sb, "|---", 4), 0);
    assert_int_equal(bl_strbuf_add(&sb, "|\n", 2), 0);
    for (i = 0; i < 100; i++)
        assert_int_equal(bl_strbuf_add(&sb, "| Monitoring ", 13), 0);
    assert_int_equal(bl_strbuf_add(&sb, "|\n", 2), 0);
    text = pm(sb.items);
    doc = lint(rules, text, &d);
    assert_int_equal(tu_count_rule(&d, NOT_ACTIONABLE), 1);
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(text);

    /* Texts that repeat what the scanners look for. */
    {
        static const char *const units[] = {
            "owner: ", "done ", "[{{<", "\xE2\x80\x94 Dana (", "@a #1 OPS-1 ",
            "a: ", "Monitoring "
        };
        size_t u;
        for (u = 0; u < sizeof units / sizeof *units; u++) {
            sb.n = 0;
            assert_int_equal(bl_strbuf_add(&sb, "- ", 2), 0);
            for (i = 0; i < 20000; i++)
                assert_int_equal(bl_strbuf_add(&sb, units[u],
                                               strlen(units[u])), 0);
            assert_int_equal(bl_strbuf_add(&sb, "\n", 1), 0);
            text = pm(sb.items);
            doc = lint(rules, text, &d);
            bl_diags_free(&d);
            bl_doc_free(doc);
            free(text);
        }
    }

    sb.n = 0;
    for (i = 0; i < 5000; i++)
        assert_int_equal(bl_strbuf_addf(&sb, "- Monitoring %zu (owner: TBD)\n"
                                        "  - detail\n", i), 0);
    text = pm(sb.items);
    expect_n(rules, text, MISSING_OWNER, 5000);
    free(text);
    free(sb.items);
    /* Generous under the sanitizers; the point is "not quadratic". */
    assert_true(seconds_since(&t0) < 20.0);
    bl_rules_free(rules);
}

/* An owner that is a placeholder is reported once, by missing-owner,
 * whose message quotes it, wherever in the item it is written; another
 * placeholder in the item ("due: TBC") and one outside it stay reported
 * by placeholder/unfilled, and so does the owner when missing-owner is
 * off. */
static void
test_placeholder_owner_is_reported_once(void **state)
{
    bl_rules *rules = action_rules();
    char *src = pm("- Add a lag alert\n  (owner: TBD, due: TBC)\n"
                   "- Add a pool check (owner: @kim)\n\n"
                   "| Action | Owner |\n|---|---|\n| Cap retries | TBD |\n\n"
                   "Notes: TBD\n");
    bl_diags d;
    bl_doc *doc;
    size_t i;

    (void)state;
    bl_rules_set_severity(rules, "placeholder/unfilled", BL_SEV_ON);
    doc = lint(rules, src, &d);
    assert_int_equal(tu_count_rule(&d, MISSING_OWNER), 2);
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 2);
    for (i = 0; i < d.n; i++) {
        const char *at = doc->src + d.items[i].begin;
        if (strcmp(d.items[i].rule->id, "placeholder/unfilled") == 0)
            assert_true(strncmp(at, "TBC", 3) == 0
                        || strncmp(at - 7, "Notes: TBD", 10) == 0);
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_set_severity(rules, MISSING_OWNER, BL_SEV_OFF);
    doc = lint(rules, src, &d);
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 4);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
    free(src);
}

/* Only the owner's own placeholder is left to missing-owner: another
 * "TBD" in the item (a due date, a plan) stays reported, and a slot that
 * is not an owner's ("[service name]") is no owner.  A placeholder rule
 * of a higher severity keeps its finding. */
static void
test_only_the_owner_placeholder_is_explained(void **state)
{
    bl_rules *rules = action_rules();
    char *src = pm("- Pin it (owner: TBD, due: TBD)\n"
                   "- Add alerting for [service name] before the release\n\n"
                   "| Action | Owner | Due |\n|---|---|---|\n"
                   "| Cap retries | TBD | TBD |\n");
    bl_diags d;
    bl_doc *doc;
    const bl_diag *f;
    size_t i, n = 0;

    (void)state;
    bl_rules_set_severity(rules, "placeholder/unfilled", BL_SEV_ON);
    doc = lint(rules, src, &d);
    /* The two due dates and the service slot. */
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 3);
    for (i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule->id, MISSING_OWNER) == 0
            && strstr(d.items[i].message, "[service name]") != NULL)
            n++;
    assert_int_equal(n, 0);
    f = find_rule(&d, MISSING_OWNER);
    assert_non_null(f);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_set_severity(rules, "placeholder/unfilled", BL_SEV_ERROR);
    doc = lint(rules, src, &d);
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 5);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
    free(src);
}

/* Space after an owner label runs past the value's bound. */
static void
test_long_space_after_a_label(void **state)
{
    bl_rules *rules = action_rules();
    char body[256];
    char *src;
    bl_diags d;
    bl_doc *doc;

    (void)state;
    snprintf(body, sizeof body, "- Add a retry limit, assigned:%80s[Nam\n"
             "- Add a pool check, owner:%80s[Name]\n", "", "");
    src = pm(body);
    doc = lint(rules, src, &d);
    assert_int_equal(tu_count_rule(&d, MISSING_OWNER), 2);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
    free(src);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_owner_forms_are_owners),
        cmocka_unit_test(
            test_items_without_owner_are_reported_on_their_first_line),
        cmocka_unit_test(test_owner_in_detail_bullets_counts),
        cmocka_unit_test(test_who_is_given_the_work),
        cmocka_unit_test(test_owner_and_done_words_are_whole_words),
        cmocka_unit_test(test_non_owners_are_named_in_the_message),
        cmocka_unit_test(test_non_owner_messages_fit_the_kind),
        cmocka_unit_test(test_ticket_links_count_as_owners),
        cmocka_unit_test(test_done_items_need_no_owner),
        cmocka_unit_test(test_statements_are_no_tasks),
        cmocka_unit_test(test_no_task_leaves_runbook_steps_alone),
        cmocka_unit_test(test_placeholders_and_guidance_are_not_items),
        cmocka_unit_test(test_group_labels_hold_items),
        cmocka_unit_test(test_unindented_details_after_a_colon),
        cmocka_unit_test(test_headings_and_lead_paragraphs_cover_items),
        cmocka_unit_test(test_tables_read_owner_columns),
        cmocka_unit_test(test_only_action_items_of_a_postmortem),
        cmocka_unit_test(test_heading_styles_name_the_section),
        cmocka_unit_test(test_crlf_positions),
        cmocka_unit_test(test_front_matter_and_details_blocks),
        cmocka_unit_test(test_due_date_rule_is_off_by_default),
        cmocka_unit_test(test_due_date_forms),
        cmocka_unit_test(test_items_that_start_with_a_verb_are_actionable),
        cmocka_unit_test(test_items_that_state_the_outcome_are_actionable),
        cmocka_unit_test(
            test_noun_phrases_gerunds_and_questions_are_not_actionable),
        cmocka_unit_test(test_not_actionable_position),
        cmocka_unit_test(test_not_actionable_examples_differ),
        cmocka_unit_test(test_not_actionable_says_what_it_sees),
        cmocka_unit_test(test_when_phrases_and_light_verbs),
        cmocka_unit_test(test_spans_start_at_real_text),
        cmocka_unit_test(test_action_verbs_are_verbs),
        cmocka_unit_test(test_defines_compile),
        cmocka_unit_test(test_rules_explain_themselves),
        cmocka_unit_test(test_placeholder_owner_is_reported_once),
        cmocka_unit_test(test_only_the_owner_placeholder_is_explained),
        cmocka_unit_test(test_long_space_after_a_label),
        cmocka_unit_test(test_translated_action_items_are_not_judged_by_english_verbs),
        cmocka_unit_test(test_items_in_another_language_are_not_judged_by_english_verbs),
        cmocka_unit_test(test_terse_items_are_read_past_their_owner_and_by_their_arrows),
        cmocka_unit_test(test_labelled_action_items_are_read),
        cmocka_unit_test(test_where_a_labelled_part_ends),
        cmocka_unit_test(test_what_is_no_label),
        cmocka_unit_test(test_a_label_under_the_heading_reads_once),
        cmocka_unit_test(test_hostile_input),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
