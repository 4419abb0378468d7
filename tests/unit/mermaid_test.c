/*
 * mermaid_test.c: reading the node labels of a Mermaid flowchart in a
 * fenced code block (mermaid.c).
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/mermaid.h"

/* The labels read, joined with "|". */
typedef struct labels {
    const bl_doc *doc;
    char text[512];
} labels;

static int
collect(size_t begin, size_t end, void *ud)
{
    labels *l = ud;
    size_t have = strlen(l->text);

    snprintf(l->text + have, sizeof l->text - have, "%s%.*s",
             have > 0 ? "|" : "", (int)(end - begin), l->doc->src + begin);
    return 0;
}

/* The labels of every code block of src, joined with "|". */
static void
read_labels(const char *src, char *out, size_t outlen)
{
    bl_doc *doc = tu_parse(src);
    labels l;
    size_t i;

    l.doc = doc;
    l.text[0] = '\0';
    for (i = 0; i < doc->blocks.n; i++)
        assert_int_equal(bl_mermaid_labels(doc, i, collect, &l), 0);
    snprintf(out, outlen, "%s", l.text);
    bl_doc_free(doc);
}

static void
test_node_shapes(void **state)
{
    char got[512];

    (void)state;
    read_labels("```mermaid\nflowchart TD\n"
                "    A[Alert fires] --> B{Triage}\n"
                "    B --> C(Post updates) & D([Roll back])\n"
                "    D --> E((Restore)) --> F[[Retrospective]]\n"
                "    F --> G[(Lessons DB)] --> H{{Decide}}\n"
                "    H --> I[/Ship fix/] --> J>Announce]\n"
                "```\n", got, sizeof got);
    assert_string_equal(got, "Alert fires|Triage|Post updates|Roll back|"
                        "Restore|Retrospective|Lessons DB|Decide|Ship fix|"
                        "Announce");
}

static void
test_quotes_edges_and_statements(void **state)
{
    char got[512];

    (void)state;
    /* Quoted labels may hold brackets; edge labels, comments, classDef,
     * style and click lines are no node labels; a bare subgraph title is
     * one. */
    read_labels("~~~ Mermaid\n%% the flow\ngraph LR\n"
                "  A[\"Contain (roll back)\"] -->|yes| B\n"
                "  A -- \"not [this]\" --> C[Fix]\n"
                "  subgraph Respond\n  C\n  end\n"
                "  subgraph s1 [Learn]\n  end\n"
                "  classDef hot fill:#f00\n  style A fill:#fff\n"
                "  click C \"https://x.example/[y]\"\n"
                "~~~\n", got, sizeof got);
    assert_string_equal(got, "Contain (roll back)|Fix|Respond|Learn");
}

static void
test_only_mermaid_flowcharts(void **state)
{
    char got[512];

    (void)state;
    /* Another language, another diagram type, an indented code block. */
    read_labels("```text\nflowchart TD\n  A[Alert fires]\n```\n\n"
                "```mermaid\nsequenceDiagram\n  A->>B: [Triage]\n```\n\n"
                "    flowchart TD\n    A[Detect]\n", got, sizeof got);
    assert_string_equal(got, "");
    /* In a list item and a block quote, with blank lines first. */
    read_labels("1. The flow:\n\n   ```mermaid\n\n   flowchart TD\n"
                "   A[Detect] --> B[Triage]\n   ```\n\n"
                "> ```mermaid\n> graph TD\n> X[Resolve]\n> ```\n",
                got, sizeof got);
    assert_string_equal(got, "Detect|Triage|Resolve");
}

static void
test_unclosed_and_hostile_input(void **state)
{
    char got[512];

    (void)state;
    read_labels("```mermaid\nflowchart\nA[never closed\nB{\"open quote\n"
                "C[\nD[]\n[x]\n```\n", got, sizeof got);
    assert_string_equal(got, "never closed|open quote");
    read_labels("```mermaid\n```\n```mermaid\nflowchart", got, sizeof got);
    assert_string_equal(got, "");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_node_shapes),
        cmocka_unit_test(test_quotes_edges_and_statements),
        cmocka_unit_test(test_only_mermaid_flowcharts),
        cmocka_unit_test(test_unclosed_and_hostile_input),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
