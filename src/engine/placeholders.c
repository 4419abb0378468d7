/*
 * placeholders.c: the placeholder/ rules, template text nobody filled in.
 *
 * placeholder/unfilled reports the slots a template leaves ({{service}},
 * <service name>, [Name], YYYY-MM-DD, HH:MM) and the markers of
 * unfinished text (TBD, TODO, XXX, "??", lorem ipsum).
 * placeholder/instructions reports a template's italic instruction
 * ("_Describe the impact._") left in as if it were content.
 *
 * Most slots are found in the prose units, which already leave out code,
 * link targets, autolinks and comments.  md4c reads "<service name>" as
 * raw HTML, though: such a slot reaches a unit only as the one-space
 * piece that stands for inline HTML, or is a whole HTML block when it
 * stands alone on a line.  Those are read from the source and told apart
 * from real HTML by their shape (is_slot_tag).
 *
 * Each placeholder is reported once.  A section that holds nothing but
 * placeholders gets one section/empty finding at its heading, so while
 * that rule is on, the placeholders inside such a section are left to it.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "lintcache.h"
#include "text.h"
#include "vec.h"

/* What a placeholder is; the message depends on it. */
typedef enum slot_kind {
    SLOT_TEMPLATE,      /* {{x}}, <x>, [x]: a slot the template named */
    SLOT_FORMAT,        /* YYYY-MM-DD, HH:MM: a format, not a date */
    SLOT_MARKER,        /* TBD, TODO, FIXME: text marked unfinished */
    SLOT_VALUE,         /* XXX, ??: a value left blank */
    SLOT_FILLER,        /* lorem ipsum */
    SLOT_FIELD          /* "- Service affected:" with nothing after it */
} slot_kind;

typedef struct slot {
    size_t begin, end;  /* source bytes */
    slot_kind kind;
} slot;

/* The fields of a format in the order written, and the separator before
 * each ('\0' where fields follow each other, as in YYYYMMDD). */
typedef struct fmt_shape {
    char fields[8];
    char seps[8];
    size_t n;
} fmt_shape;

/* What scan_text found in one unit, in unit offsets: a slot to report
 * (keep), or a format it reads as named, kept for comparing with the
 * unit's other formats. */
typedef struct found_slot {
    bl_memo_slot at;
    fmt_shape shape;        /* a format's; n is 0 for other slots */
    int keep;
} found_slot;

/* One run of one placeholder/ rule, on bl_check_placeholders' stack. */
typedef struct ph_ctx {
    bl_lint_ctx *lc;
    int rule;
    int markers;            /* placeholder.markers: TBD, TODO, XXX... too */
    /* Asked of the rule set only when a unit holds something to report:
     * -1 not asked yet, else 0/1. */
    int skip_instructions;  /* placeholder/instructions reports those */
    int empty_on;           /* section/empty reports placeholder-only
                               sections */
    signed char *empty;     /* per section: -1 not asked yet, else 0/1 */
    unsigned char *empty_labels;    /* per labelled part: section/empty
                                       reports it (bl_lint_empty_label_parts),
                                       or NULL when there are none */
    /* Made when a "Label:" item is first met (index_items): */
    int *item_unit;         /* per block: a list item's first unit, or -1 */
    signed char *field_list;    /* per list block: -1 not asked yet, else
                                   whether empty fields in it are reported */
    bl_strset closed;       /* lower-case element names a </name> closes
                               somewhere in the document */
    struct { slot *items; size_t n, alloc; } slots;     /* one unit's */
    struct { found_slot *items; size_t n, alloc; } found;   /* scan_text's */
    int day_month;          /* DAY_FIRST | MONTH_FIRST: the orders the
                               document's date formats write day and month
                               in; -1 until a format is to be reported */
    int is_profile_rule;    /* a profile's own rule for what is left
                               unfilled (status-update/unfilled): its
                               findings replace placeholder/unfilled's */
} ph_ctx;

/* A slot's text in a message is cut to this many bytes. */
#define EXCERPT_MAX 60

/* How far a {{slot}}, <slot> or [slot] may run: further, it is not one,
 * and the bound keeps a stray "{{" from costing a scan of the document. */
#define SLOT_MAX 200

/* Slots this close together ("HH:MM {{what happened}}", "?? of ??"),
 * with no punctuation between them that ends a clause, are one unfilled
 * run and one finding (see is_joining_gap). */
#define MERGE_GAP 4

/* --- Words and characters ------------------------------------------------ */

static int
is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Is the code point that ends at t[i - 1] part of a word? */
static int
is_word_before(const char *t, size_t i)
{
    size_t k, cl;

    if (i == 0)
        return 0;
    k = i - 1;
    while (k > 0 && i - k < 4 && ((unsigned char)t[k] & 0xC0) == 0x80)
        k--;
    return bl_is_word_cp(bl_utf8_decode(t, i, k, &cl));
}

static int
is_word_at(const char *t, size_t n, size_t i)
{
    size_t cl;

    return i < n && bl_is_word_cp(bl_utf8_decode(t, n, i, &cl));
}

static char
ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Is w[0..n) one of list, ignoring ASCII case? */
static int
word_in(const char *w, size_t n, const char *const *list)
{
    size_t k;

    if (n == 0)
        return 0;
    /* Compared as it goes, without strlen: most entries differ at the
     * first letter. */
    for (k = 0; list[k] != NULL; k++) {
        const char *l = list[k];
        size_t i;
        for (i = 0; i < n && l[i] != '\0'; i++)
            if (ascii_lower(l[i]) != ascii_lower(w[i]))
                break;
        if (i == n && l[n] == '\0')
            return 1;
    }
    return 0;
}

/* Is some run of ASCII letters of t[0..n) one of list: "redacted" in
 * "<IP redacted>", "status" in "Status (JIRA)"? */
static int
has_word_in(const char *t, size_t n, const char *const *list)
{
    size_t i = 0, w;

    while (i < n) {
        while (i < n && !is_letter(t[i]))
            i++;
        for (w = i; w < n && is_letter(t[w]); w++)
            ;
        if (word_in(t + i, w - i, list))
            return 1;
        i = w;
    }
    return 0;
}

/* The first needle[0..m) in hay[0..n), or NULL (memmem is a GNU
 * extension). */
static const char *
find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    const char *p = hay, *end = hay + n;

    if (m == 0 || m > n)
        return NULL;
    while ((p = memchr(p, needle[0], (size_t)(end - p) - m + 1)) != NULL) {
        if (memcmp(p, needle, m) == 0)
            return p;
        if (++p > end - m)
            break;
    }
    return NULL;
}

/* Is t[b..e) between quotation marks?  Then it is mentioned, not left
 * to fill: 'the status field still said "TBD"'. */
static int
is_quoted(const char *t, size_t n, size_t b, size_t e)
{
    static const char *const open[] = {"\"", "'", "\xE2\x80\x9C",
                                        "\xE2\x80\x98", NULL};
    static const char *const close[] = {"\"", "'", "\xE2\x80\x9D",
                                         "\xE2\x80\x99", NULL};
    size_t k;

    for (k = 0; open[k] != NULL; k++) {
        size_t ol = strlen(open[k]), cl = strlen(close[k]);
        if (b >= ol && memcmp(t + b - ol, open[k], ol) == 0
            && e + cl <= n && memcmp(t + e, close[k], cl) == 0)
            return 1;
    }
    return 0;
}

/* --- Slots in prose ------------------------------------------------------ */

/* Words a bracketed slot starts with ("[link to the ticket]", "[your
 * name]") or ends with ("[Service name]", "[incident date]"): what goes
 * there.  A bracketed tag ("[Action Item]", "[sic]", "[redacted]") names
 * none of them. */
static const char *const bracket_leads[] = {
    "insert", "add", "enter", "describe", "your", "put", "fill", "paste",
    "replace", "link", "e.g.", "eg", "optional", "list", "include", NULL
};
static const char *const bracket_nouns[] = {
    "name", "names", "date", "dates", "time", "times", "timestamp",
    "service", "services", "system", "component", "team", "owner", "owners",
    "person", "assignee", "author", "authors", "link", "links", "url",
    "ticket", "issue", "number", "id", "summary", "description", "title",
    "details", "value", "handle", "email", "region", "cluster",
    "environment", "duration", "version", "host", "hostname", "customer",
    "product", "feature", "metric", "dashboard", "channel", "severity",
    "here", "placeholder", "amount", "count", "percentage", NULL
};

/* Markers of unfinished text, any case ("tbd" too). */
static const char *const caseless_markers[] = {"tbd", "tbc", "tba", NULL};
/* ...and those that are words in lower case ("a todo list"). */
static const char *const upper_markers[] = {"TODO", "FIXME", NULL};

/* {{ slot }}, but not a Go or Helm expression a postmortem quotes
 * ({{ .Values.replicas }}, {{ $labels.job }}) or a workflow's
 * ${{ secrets.TOKEN }}.  Returns the end, or 0. */
static size_t
match_braces(const char *t, size_t n, size_t i)
{
    size_t j = i + 2, lim = n - i > SLOT_MAX ? i + SLOT_MAX : n, c;

    if (n - i < 5 || t[i + 1] != '{'
        || (i > 0 && (t[i - 1] == '$' || t[i - 1] == '{')))
        return 0;
    if (t[j] == '{')
        j++;    /* {{{ raw }}} */
    c = j;
    for (; j + 1 < lim; j++)
        if (t[j] == '}' && t[j + 1] == '}')
            break;
    if (j + 1 >= lim)
        return 0;
    while (c < j && t[c] == ' ')
        c++;
    if (c == j || t[c] == '.' || t[c] == '$')
        return 0;
    j += 2;
    return j < n && t[j] == '}' ? j + 1 : j;
}

/* Output that tools print in angle brackets (kubectl's <none>, Go's
 * <nil>, and <no value>, what a Go template such as Alertmanager's prints
 * for a missing key): quoted output, not a slot.  Each is the whole text
 * between the brackets. */
static const char *const literal_tokens[] = {
    "none", "nil", "null", "unknown", "empty", "missing", "pending",
    "unset", "invalid", "redacted", "undefined", "anonymous", "no value",
    NULL
};

/* Words that say a value was taken out on purpose before publishing:
 * "<redacted IP>", "[REDACTED: customer]", "<omitted>". */
static const char *const redaction_words[] = {
    "redacted", "omitted", "removed", "elided", "anonymised", "anonymized",
    "scrubbed", NULL
};

/* Words that open a bracket standing for what was kept out because it is
 * not public: "[internal link]", "<private repo>", "[confidential]". */
static const char *const withheld_words[] = {
    "internal", "private", "confidential", NULL
};

/* Does t[0..n), the text between a slot's brackets, say its value was
 * redacted or withheld?  Then it is the value, withheld, not a slot left
 * to fill. */
static int
names_redaction(const char *t, size_t n)
{
    size_t b = 0, e;

    if (has_word_in(t, n, redaction_words))
        return 1;
    while (b < n && !is_letter(t[b]))
        b++;
    for (e = b; e < n && is_letter(t[e]); e++)
        ;
    return word_in(t + b, e - b, withheld_words);
}

/* Does t[0..n), the text between angle brackets, mark where the impact
 * started or ended in a timeline, in capitals as the Google SRE book's
 * example postmortem writes it ("<START OF OUTAGE>", "<END OF IMPACT>",
 * "<OUTAGE MITIGATED>")?  A marker put there on purpose, not a slot. */
static int
is_timeline_marker(const char *t, size_t n)
{
    static const char *const edges[] = {
        "start", "end", "begin", "begins", "ends", "mitigated", "resolved",
        NULL
    };
    static const char *const spans[] = {
        "outage", "impact", "incident", "degradation", "downtime", NULL
    };
    size_t i;

    for (i = 0; i < n; i++)
        if (t[i] >= 'a' && t[i] <= 'z')
            return 0;
    return has_word_in(t, n, edges) && has_word_in(t, n, spans);
}

/* Is the angle slot t[b..e) a parameter of a path or route, written on
 * to a slash ("GET /users/<id>", "<bucket>/logs"), with no space in it?
 * Then the text names a route, as "/users/:id" does. */
static int
is_path_parameter(const char *t, size_t n, size_t b, size_t e)
{
    if (memchr(t + b, ' ', e - b) != NULL)
        return 0;
    return (b > 0 && t[b - 1] == '/')
           || (e + 1 < n && t[e] == '/' && (is_word_at(t, n, e + 1)
                                           || t[e + 1] == '<'));
}

/* <service_name>, <e.g. checkout-api>: an angle slot md4c did not take
 * for HTML, so it is prose (&lt;team&gt; reads "<team>" too).  Not a
 * comparison ("< 200 ms"), a generic (List<String>), an arrow, a URL or
 * an address. */
static size_t
match_angle_text(const char *t, size_t n, size_t i)
{
    size_t j, lim = n - i > SLOT_MAX ? i + SLOT_MAX : n, cl;
    int spaces = 0;

    if (i + 2 >= n || is_word_before(t, i))
        return 0;
    if (!bl_is_word_cp(bl_utf8_decode(t, n, i + 1, &cl))
        || is_digit(t[i + 1]) || t[i + 1] == '_')
        return 0;
    for (j = i + 1; j < lim && t[j] != '>'; j++) {
        if (t[j] == '<')
            return 0;
        spaces += t[j] == ' ';
    }
    if (j >= lim || t[j - 1] == ' ' || t[j - 1] == '-' || t[j - 1] == '=')
        return 0;
    if (memchr(t + i, '@', j - i) != NULL
        || (!spaces && (memchr(t + i, '.', j - i) != NULL
                        || memchr(t + i, '/', j - i) != NULL
                        || memchr(t + i, ':', j - i) != NULL)))
        return 0;
    if (word_in(t + i + 1, j - i - 1, literal_tokens)
        || names_redaction(t + i + 1, j - i - 1)
        || is_timeline_marker(t + i + 1, j - i - 1)
        || is_path_parameter(t, n, i, j + 1))
        return 0;
    return j + 1;
}

/* [Name], [Service name], [link to ticket], [TODO], [???]: a bracketed
 * slot.  A link lost its brackets in the prose, so a bracket left is
 * text; still not a footnote ([1], [^2]), a task box ([ ], [x]), a
 * tag ("[Action Item]"), or a link md4c could not resolve ("[x](..."). */
static size_t
match_bracket(const char *t, size_t n, size_t i, slot_kind *p_kind)
{
    size_t j, lim = n - i > SLOT_MAX ? i + SLOT_MAX : n;
    size_t b, e, words = 0, k, first_n = 0, last_b = 0, last_n = 0;
    int all_q = 1;

    if (is_word_before(t, i) || (i > 0 && t[i - 1] == '!'))
        return 0;
    for (j = i + 1; j < lim && t[j] != ']'; j++)
        if (t[j] == '[')
            return 0;
    if (j >= lim || (j + 1 < n && (t[j + 1] == '(' || t[j + 1] == '['
                                   || t[j + 1] == ':')))
        return 0;
    for (b = i + 1; b < j && t[b] == ' '; b++)
        ;
    for (e = j; e > b && t[e - 1] == ' '; e--)
        ;
    if (e == b || names_redaction(t + b, e - b))
        return 0;
    for (k = b; k < e; k++)
        all_q &= t[k] == '?';
    if (all_q || (e - b == 3 && memcmp(t + b, "...", 3) == 0)
        || (e - b == 3 && memcmp(t + b, "\xE2\x80\xA6", 3) == 0)) {
        *p_kind = SLOT_VALUE;
        return j + 1;
    }
    if (word_in(t + b, e - b, caseless_markers)
        || word_in(t + b, e - b, upper_markers)
        || (e - b == 3 && strncasecmp(t + b, "xxx", 3) == 0)) {
        *p_kind = SLOT_MARKER;
        return j + 1;
    }
    if (e - b < 2 || t[b] == '^')
        return 0;
    for (k = b; k < e;) {
        size_t wb = k;
        while (k < e && t[k] != ' ') {
            if (is_digit(t[k]))
                return 0;
            k++;
        }
        if (words++ == 0)
            first_n = k - wb;
        last_b = wb;
        last_n = k - wb;
        while (k < e && t[k] == ' ')
            k++;
    }
    while (last_n > 0 && strchr(".,:;!?", t[last_b + last_n - 1]) != NULL)
        last_n--;
    if (words > 6)
        return 0;
    *p_kind = SLOT_TEMPLATE;
    if (word_in(t + b, first_n, bracket_leads))
        return j + 1;
    /* "[Payments team]" names a team, as owners are written; "[team]",
     * "[Team name]" and "[Your team]" are slots. */
    if (words > 1 && last_n == 4 && strncasecmp(t + last_b, "team", 4) == 0
        && t[b] >= 'A' && t[b] <= 'Z'
        && !word_in(t + b, first_n, bracket_nouns))
        return 0;
    if (word_in(t + last_b, last_n, bracket_nouns))
        return j + 1;
    return 0;
}

int
bl_is_bracket_slot(const char *t, size_t n)
{
    static const char *const joiners[] = {
        "to", "of", "the", "a", "an", "your", "for", "or", "and", NULL
    };
    slot_kind kind;
    size_t i, b;

    if (n < 3 || t[0] != '[' || t[n - 1] != ']'
        || match_bracket(t, n, 0, &kind) != n)
        return 0;
    if (kind != SLOT_TEMPLATE)
        return 1;
    /* Stricter than the rule itself, because a name in brackets is an
     * owner form: "[Owner name]" and "[link to ticket]" are slots, every
     * word a slot's; "[Payments team]" is a team. */
    for (i = 1; i + 1 < n; ) {
        while (i + 1 < n && t[i] == ' ')
            i++;
        b = i;
        while (i + 1 < n && t[i] != ' ')
            i++;
        if (i > b && !word_in(t + b, i - b, bracket_leads)
            && !word_in(t + b, i - b, bracket_nouns)
            && !word_in(t + b, i - b, joiners))
            return 0;
    }
    return 1;
}

/* A run of two or more question marks standing alone for something not
 * yet known: "??%", "(?? of ??)", "the cause is ?????".  Not "Why??",
 * which is emphasis: the run must not follow a word. */
static size_t
match_questions(const char *t, size_t n, size_t i)
{
    size_t j = i;

    if (i > 0 && t[i - 1] != ' ' && t[i - 1] != '(' && t[i - 1] != '[')
        return 0;
    while (j < n && t[j] == '?')
        j++;
    if (j - i < 2 || (j < n && strchr(" %),.;:]", t[j]) == NULL))
        return 0;
    /* MkDocs writes a collapsible admonition so: '??? note "Full log"'
     * opening its line, with one of its types ("??? users affected" is
     * still a slot). */
    if (j - i == 3 && (i == 0 || t[i - 1] == '\n') && j + 1 < n
        && t[j] == ' ') {
        static const char *const types[] = {
            "note", "abstract", "summary", "tldr", "info", "todo", "tip",
            "hint", "important", "success", "check", "done", "question",
            "help", "faq", "warning", "caution", "attention", "failure",
            "fail", "missing", "danger", "error", "bug", "example", "quote",
            "cite", NULL
        };
        size_t k = j + 1;
        while (k < n && t[k] >= 'a' && t[k] <= 'z')
            k++;
        if (word_in(t + j + 1, k - j - 1, types))
            return 0;
    }
    return j < n && t[j] == '%' ? j + 1 : j;
}

static size_t word_before(const char *t, size_t e, size_t *p_b);

/* Is the TODO or FIXME at t[i..j) one the text talks about, a comment in
 * code, rather than one that marks the text unfinished: a noun after a
 * determiner, followed by a verb, a preposition or the end of the clause
 * ("I knew that TODO was there", "recorded openly in a TODO."), or
 * followed by "comment"?  "the TODO exporter" is a name left to fill. */
static int
names_code_marker(const char *t, size_t n, size_t i, size_t j)
{
    static const char *const determiners[] = {
        "a", "an", "the", "that", "this", "these", "those", "each", "every",
        "its", "their", "his", "her", "our", "my", "your", "old", "stale",
        NULL
    };
    static const char *const after[] = {
        "was", "is", "were", "are", "had", "has", "said", "says", "sat",
        "stayed", "in", "at", "on", "from", "that", "which", "and", "for",
        "about", "to", "there", "comment", "comments", NULL
    };
    size_t wb, len, k;

    while (j < n && t[j] == ' ')
        j++;
    for (k = j; k < n && is_letter(t[k]); k++)
        ;
    if (word_in(t + j, k - j, (const char *const[]){"comment", "comments",
                                                    NULL}))
        return 1;
    len = word_before(t, i, &wb);
    if (wb + len == i || !word_in(t + wb, len, determiners))
        return 0;   /* (a word right before is part of this one) */
    if (j >= n || strchr(".,;:!?)", t[j]) != NULL)
        return 1;
    return word_in(t + j, k - j, after);
}

/* TBD, TBC, TBA (any case), TODO, FIXME: a whole word, not part of a
 * name ("TODO-list", "TBD_FLAG"). */
static size_t
match_marker(const char *t, size_t n, size_t i)
{
    size_t j = i;

    while (j < n && is_letter(t[j]))
        j++;
    if (j - i < 3 || j - i > 5)     /* TBD ... FIXME */
        return 0;
    if (is_word_at(t, n, j) || (j + 1 < n && strchr("-./", t[j]) != NULL
                                && is_word_at(t, n, j + 1)))
        return 0;
    if (word_in(t + i, j - i, caseless_markers))
        return j;
    if (((j - i == 4 && memcmp(t + i, "TODO", 4) == 0)
         || (j - i == 5 && memcmp(t + i, "FIXME", 5) == 0))
        && !names_code_marker(t, n, i, j))
        return j;
    return 0;
}

/* Is the X-run ending at `at` (forward) or starting there (back) one
 * group of a redacted number: next to digits or to another group across
 * a space or dash ("XXXX XXXX XXXX 4242", "555-XXX-XXXX")? */
static int
is_redaction(const char *t, size_t n, size_t at, int forward)
{
    size_t k = at;

    if (forward) {
        while (k < n && k - at < 3 && (t[k] == ' ' || t[k] == '-'))
            k++;
        return k > at && k < n && (is_digit(t[k]) || t[k] == 'X');
    }
    while (k > 0 && at - k < 3 && (t[k - 1] == ' ' || t[k - 1] == '-'))
        k--;
    return k < at && k > 0 && (is_digit(t[k - 1]) || t[k - 1] == 'X');
}

/* XXX, YYY, ZZZ (three or more capitals): a value left blank, as in
 * "Category: XXX" or "cost $XXX".  Not part of a code or a redaction
 * ("XXX-1234", "10.0.XXX.12", "555-XXX-XXXX", "XXXX XXXX 4242"); lower
 * case "xxx" is left alone too. */
static size_t
match_xxx(const char *t, size_t n, size_t i)
{
    size_t j = i;
    char c = t[i];

    if (c != 'X' && c != 'Y' && c != 'Z')
        return 0;
    while (j < n && t[j] == c)
        j++;
    if (j - i < 3 || is_word_at(t, n, j))
        return 0;
    if (i > 0 && strchr("-./@", t[i - 1]) != NULL)
        return 0;
    if (j < n && (t[j] == '-' || t[j] == '/' || t[j] == '@'
                  || ((t[j] == '.' || t[j] == ':')
                      && is_word_at(t, n, j + 1))))
        return 0;
    if (c == 'X' && (is_redaction(t, n, j, 1) || is_redaction(t, n, i, 0)))
        return 0;
    return j;
}

/* Lorem ipsum: filler text, not a report. */
static size_t
match_lorem(const char *t, size_t n, size_t i)
{
    size_t j = i + 5;

    if (n - i < 11 || strncasecmp(t + i, "lorem", 5) != 0)
        return 0;
    while (j < n && t[j] == ' ')
        j++;
    if (j == i + 5 || n - j < 5 || strncasecmp(t + j, "ipsum", 5) != 0
        || is_word_at(t, n, j + 5))
        return 0;
    return j + 5;
}

/* The field a format letter stands for, or 0. */
static char
format_field(char c)
{
    switch (c) {
    case 'Y': case 'y': return 'Y';
    case 'M': case 'm': return 'M';
    case 'D': case 'd': return 'D';
    case 'H': case 'h': return 'H';
    case 'S': case 's': return 'S';
    case 'X': case 'x': return 'X';
    default: return 0;
    }
}

/* One field of a format at t[p]: "YYYY", "MM", "20xx"...  Returns its
 * length and stores its letter, or returns 0. */
static size_t
format_field_at(const char *t, size_t n, size_t p, char *p_field)
{
    size_t r = 0;
    char f;

    if (p >= n)
        return 0;
    if (n - p >= 4 && ((t[p] == '2' && t[p + 1] == '0')
                       || (t[p] == '1' && t[p + 1] == '9'))
        && (t[p + 2] == 'x' || t[p + 2] == 'X') && t[p + 3] == t[p + 2]) {
        *p_field = 'Y';
        return 4;
    }
    if ((f = format_field(t[p])) == 0)
        return 0;
    while (p + r < n && t[p + r] == t[p])
        r++;
    if (r != 2 && !(r == 4 && (f == 'Y' || f == 'X')))
        return 0;
    *p_field = f;
    return r;
}

/* The field sequences that make a format: dates in every order, times,
 * a date and a time joined by "T", and X's standing for digits. */
static int
is_format_sequence(const char *f, size_t nf)
{
    static const char *const seqs[] = {
        "YMD", "DMY", "MDY", "YM", "MY", "MD", "DM", "HM", "HMS", "MS",
        "YMDHM", "YMDHMS", NULL
    };
    size_t k;

    for (k = 0; k < nf && f[k] == 'X'; k++)
        ;
    if (k == nf)
        return nf >= 2;
    return word_in(f, nf, seqs);
}

/* YYYY-MM-DD, DD/MM/YYYY, MM/DD, HH:MM:SS, hh:mm, 20xx-MM-DD, YYYYMMDD,
 * YYYY-MM-DDTHH:MM, XX:XX: a format left where a date or time belongs.
 * Fields are separated by one of - / . : or follow each other (YYYYMMDD),
 * each is one letter repeated (so "Mm" or "DDoS" are not fields), and the
 * whole is a word of its own.  A range ("HH:MM-HH:MM") is two formats: the
 * first ends at the dash.  Stores the fields in *sh when it is not NULL.
 * Returns the end, or 0. */
static size_t
match_format(const char *t, size_t n, size_t i, fmt_shape *sh)
{
    fmt_shape f;
    size_t p = i, ends[8], r;

    f.n = 0;
    f.seps[0] = '\0';
    while (f.n < sizeof f.fields
           && (r = format_field_at(t, n, p, &f.fields[f.n]))) {
        p += r;
        ends[f.n++] = p;
        if (f.n == sizeof f.fields)
            break;
        if (p + 1 < n && t[p] != '\0'
            && (strchr("-/.:", t[p]) != NULL
                || (t[p] == 'T' && f.fields[f.n - 1] == 'D'))
            && format_field(t[p + 1]) != 0)
            f.seps[f.n] = t[p++];
        else if (p < n && format_field(t[p]) != 0
                 && format_field(t[p]) != f.fields[f.n - 1])
            f.seps[f.n] = '\0';   /* YYYYMMDD */
        else
            break;
    }
    if (f.n >= 2 && is_word_at(t, n, ends[f.n - 1]))
        return 0;
    while (f.n >= 2 && !is_format_sequence(f.fields, f.n)) {
        /* "HH:MM-HH:MM": the first format ends where a dash starts the
         * second. */
        do
            f.n--;
        while (f.n >= 2 && t[ends[f.n - 1]] != '-');
    }
    if (f.n < 2)
        return 0;
    if (sh != NULL)
        *sh = f;
    return ends[f.n - 1];
}

/* --- Formats named, not left to fill ------------------------------------ */

/* A format that a text talks about is named, not left to fill: "the
 * parser expected DD/MM/YYYY but the provider sent MM/DD/YYYY".  Told by
 * the words around it, and by another format of the same fields written
 * differently, which only a text about formats does. */

/* Words right before a format that name it as one: "the format
 * YYYY-MM-DD", "in the form DD/MM", "expected DD/MM/YYYY", "dates like
 * MM/DD", "rather than HH:MM", "DD/MM vs MM/DD". */
static const char *const format_names_before[] = {
    "format", "formats", "formatted", "form", "pattern", "expected",
    "expects", "expect", "expecting", "like", "than", "versus", "vs", NULL
};
/* ...as a label ("Format: DD/MM")... */
static const char *const format_labels[] = {
    "format", "formats", "pattern", NULL
};
/* ...the same after "of" ("in the form of", "instead of")... */
static const char *const format_names_before_of[] = {
    "form", "instead", NULL
};
/* ...and right after it: "the DD/MM/YYYY format", "an MM/DD/YYYY
 * parser", "in DD/MM order". */
static const char *const format_names_after[] = {
    "format", "formats", "formatted", "parser", "parsers", "parsing",
    "string", "strings", "pattern", "patterns", "notation", "convention",
    "order", "style", "layout", NULL
};
/* Verbs that read or write dates in a format, some words before "as":
 * "kept parsing the file as DD/MM/YYYY". */
static const char *const format_verbs[] = {
    "parse", "parsed", "parses", "parsing", "read", "reads", "reading",
    "interpret", "interpreted", "interprets", "interpreting", "treat",
    "treated", "treats", "treating", "format", "formatted", "formats",
    "formatting", "write", "writes", "written", "writing", "wrote",
    "render", "rendered", "renders", "rendering", "display", "displayed",
    "displays", "store", "stored", "stores", "serialize", "serialized",
    "serialise", "serialised", "export", "exported", "exports", "send",
    "sends", "sent", NULL
};

/* How many words before "as" a format verb may stand ("parsing the file
 * as"). */
#define FORMAT_VERB_REACH 4

/* How many digits and separators of a date may be filled in around its
 * format ("2025-MM-DD", "MM-DD-2025"). */
#define FILLED_MAX 8

/* The word of ASCII letters that ends at t[e - 1] after blanks: stores its
 * start and returns its length (0 for none). */
static size_t
word_before(const char *t, size_t e, size_t *p_b)
{
    size_t b;

    while (e > 0 && t[e - 1] == ' ')
        e--;
    for (b = e; b > 0 && is_letter(t[b - 1]); b--)
        ;
    *p_b = b;
    return e - b;
}

/* Does a verb that reads or writes dates stand in the clause before
 * t[at], a few words back? */
static int
verb_before(const char *t, size_t at)
{
    size_t b, len, k;

    for (k = 0; k < FORMAT_VERB_REACH; k++) {
        if ((len = word_before(t, at, &b)) == 0)
            return 0;   /* punctuation ends the clause */
        if (word_in(t + b, len, format_verbs))
            return 1;
        at = b;
    }
    return 0;
}

/* How far from a format the quotation marks around a string it shows may
 * stand: 'tag them as "DELAYED since hh:mm"'. */
#define SHOWN_STRING_REACH 60

/* Is the format t[b..e) part of a string a system is to show, in
 * quotation marks after "as", "like", "prefix", "message" and the like
 * ('tag messages older than 5 minutes as "DELAYED since hh:mm"')?  Such a
 * string is the shape of an output, not a slot left to fill.  What a page
 * "said" is still read as text ('The title said "Outage on YYYY-MM-DD"'). */
static int
in_shown_string(const char *t, size_t n, size_t b, size_t e)
{
    static const char *const introducers[] = {
        "as", "like", "prefix", "suffix", "string", "pattern", "message",
        "label", "banner", NULL
    };
    size_t qb = b, qe = e, wb, len;

    while (qb > 0 && b - qb < SHOWN_STRING_REACH && t[qb - 1] != '"'
           && !(qb >= 3 && memcmp(t + qb - 3, "\xE2\x80\x9C", 3) == 0)
           && !(qb >= 3 && memcmp(t + qb - 3, "\xE2\x80\x9D", 3) == 0))
        qb--;
    if (qb == 0 || b - qb >= SHOWN_STRING_REACH)
        return 0;
    if (t[qb - 1] == '"') {
        size_t k, marks = 0;
        for (k = 0; k + 1 < qb; k++)
            marks += t[k] == '"';
        if (marks % 2 != 0)
            return 0;   /* it closes a quotation the format comes after */
    } else if (memcmp(t + qb - 3, "\xE2\x80\x9C", 3) != 0) {
        return 0;       /* a closing mark: the format is after a quotation */
    }
    while (qe < n && qe - e < SHOWN_STRING_REACH && t[qe] != '"'
           && !(qe + 3 <= n && memcmp(t + qe, "\xE2\x80\x9D", 3) == 0))
        qe++;
    if (qe >= n || qe - e >= SHOWN_STRING_REACH)
        return 0;
    qb -= t[qb - 1] == '"' ? 1 : 3;
    len = word_before(t, qb, &wb);
    return word_in(t + wb, len, introducers);
}

/* Is the format t[b..e) named by the words around it? */
static int
format_named_around(const char *t, size_t n, size_t b, size_t e)
{
    size_t wb, len, k, colon = 0;

    k = b;
    while (k > 0 && t[k - 1] == ' ')
        k--;
    if (k > 0 && (t[k - 1] == ':' || t[k - 1] == '.')) {
        colon = t[k - 1] == ':';
        k--;    /* "Format: YYYY-MM-DD", "DD/MM vs. MM/DD" */
    }
    len = word_before(t, k, &wb);
    if (word_in(t + wb, len, colon ? format_labels : format_names_before))
        return 1;
    if (!colon && len == 2 && strncasecmp(t + wb, "of", 2) == 0) {
        size_t ob, ol = word_before(t, wb, &ob);
        if (word_in(t + ob, ol, format_names_before_of))
            return 1;
    }
    if (!colon && len == 2 && strncasecmp(t + wb, "as", 2) == 0
        && verb_before(t, wb))
        return 1;
    for (k = e; k < n && t[k] == ' '; k++)
        ;
    for (wb = k; k < n && is_letter(t[k]); k++)
        ;
    return word_in(t + wb, k - wb, format_names_after);
}

/* Are a and b the same format: the same fields and separators?  (seps[0]
 * is always '\0'.) */
static int
same_shape(const fmt_shape *a, const fmt_shape *b)
{
    return a->n == b->n && memcmp(a->fields, b->fields, a->n) == 0
           && memcmp(a->seps, b->seps, a->n) == 0;
}

/* Sorts the n fields of a format (at most 8) in place. */
static void
sort_fields(char *x, size_t n)
{
    size_t i, j;

    for (i = 1; i < n; i++)
        for (j = i; j > 0 && x[j - 1] > x[j]; j--) {
            char c = x[j]; x[j] = x[j - 1]; x[j - 1] = c;
        }
}

/* Do a and b have the same fields, written differently: another order
 * (DD/MM/YYYY and MM/DD/YYYY) or other separators (YYYY-MM-DD and
 * YYYY/MM/DD)? */
static int
formats_contrast(const fmt_shape *a, const fmt_shape *b)
{
    char x[8], y[8];

    if (a->n != b->n || same_shape(a, b))
        return 0;
    /* The same fields in any order. */
    memcpy(x, a->fields, a->n);
    memcpy(y, b->fields, b->n);
    sort_fields(x, a->n);
    sort_fields(y, b->n);
    return memcmp(x, y, a->n) == 0;
}

/* Which of day and month a date format without its year first writes
 * first: DAY_FIRST for DD/MM/YYYY and DD.MM, MONTH_FIRST for MM/DD/YYYY
 * and MM/DD, else 0 (YYYY-MM-DD is no guess about that order). */
enum { DAY_FIRST = 1, MONTH_FIRST = 2 };

static int
day_month_order(const fmt_shape *f)
{
    const char *d = memchr(f->fields, 'D', f->n);
    const char *m = memchr(f->fields, 'M', f->n);

    if (f->n == 0 || f->fields[0] == 'Y' || d == NULL || m == NULL)
        return 0;
    return d < m ? DAY_FIRST : MONTH_FIRST;
}

/* How far a quotation around a format may hold other formats and dates:
 * "YYYY-MM-DD HH:MM:SS". */
#define FORMAT_QUOTE_MAX 32

/* Is the format t[b..e) in quotation marks that hold nothing but
 * formats, digits and separators ('the form said "YYYY-MM-DD HH:MM"')? */
static int
is_quoted_format(const char *t, size_t n, size_t b, size_t e)
{
    static const char run[] = "YyMmDdHhSsXxT0123456789-/.: ";
    size_t qb = b, qe = e;

    while (qb > 0 && b - qb < FORMAT_QUOTE_MAX && t[qb - 1] != '\0'
           && strchr(run, t[qb - 1]) != NULL)
        qb--;
    while (qe < n && qe - e < FORMAT_QUOTE_MAX && t[qe] != '\0'
           && strchr(run, t[qe]) != NULL)
        qe++;
    return is_quoted(t, n, qb, qe);
}

/* Widens the format at t[*p_b..*p_e) over the digits of the date already
 * filled in around it ("2025-MM-DD", "MM-DD-2025").  Returns 0 when the
 * format is a piece of a longer token that is no date ("v1.2-MM",
 * "backup-YYYYMMDD.tar"): such a piece is never reported on its own. */
static int
widen_format(const char *t, size_t n, size_t *p_b, size_t *p_e,
             size_t prev_end)
{
    size_t b = *p_b, e = *p_e;

    while (b > 0 && *p_b - b < FILLED_MAX
           && (is_digit(t[b - 1])
               || (strchr("-/.:", t[b - 1]) != NULL && b > 1
                   && is_digit(t[b - 2]))))
        b--;
    /* The second of a range ("HH:MM-HH:MM") follows the first. */
    if (b == *p_b && b >= 1 && b - 1 == prev_end)
        return 1;
    if (b > 0 && (is_word_before(t, b)
                  || (strchr("-/.:", t[b - 1]) != NULL
                      && is_word_before(t, b - 1))))
        return 0;
    while (e < n && e - *p_e < FILLED_MAX
           && (is_digit(t[e])
               || (strchr("-/.:", t[e]) != NULL && e + 1 < n
                   && is_digit(t[e + 1]))))
        e++;
    if (is_word_at(t, n, e)
        || (e + 1 < n && strchr("-/.", t[e]) != NULL
            && is_word_at(t, n, e + 1)
            && match_format(t, n, e + 1, NULL) == 0))
        return 0;
    *p_b = b;
    *p_e = e;
    return 1;
}

/* --- HTML that is a slot ------------------------------------------------- */

static const char *const html_elements[] = {
    "a", "abbr", "address", "area", "article", "aside", "audio", "b",
    "base", "bdi", "bdo", "big", "blockquote", "body", "br", "button",
    "canvas", "caption", "center", "cite", "code", "col", "colgroup",
    "data", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt",
    "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend",
    "li", "link", "main", "map", "mark", "menu", "meta", "meter", "nav",
    "nobr", "noscript", "object", "ol", "optgroup", "option", "output", "p",
    "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s",
    "samp", "script", "search", "section", "select", "slot", "small",
    "source", "span", "strike", "strong", "style", "sub", "summary", "sup",
    "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
    "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var",
    "video", "wbr", NULL
};

/* Elements whose names are also what a template asks for: bare and never
 * closed in the document, <summary> or <time> is a slot. */
static const char *const slot_like_elements[] = {
    "address", "area", "article", "audio", "button", "caption", "code",
    "col", "data", "dialog", "figure", "footer", "form", "header", "input",
    "label", "legend", "link", "main", "map", "menu", "meter", "object",
    "option", "output", "param", "picture", "progress", "search", "section",
    "select", "slot", "source", "summary", "template", "time", "title",
    "track", "video", NULL
};

/* Attributes written without a value in real HTML (<details open>). */
static const char *const boolean_attributes[] = {
    "open", "hidden", "disabled", "checked", "selected", "nowrap",
    "controls", "autoplay", "loop", "muted", "async", "defer", "required",
    "readonly", "multiple", "reversed", "novalidate", "allowfullscreen",
    "inert", "itemscope", "default", "ismap", "playsinline", NULL
};

/* Is the tag s[0..n) ("<" to ">") a slot such as <service name>, <date>
 * or <link to dashboard>, rather than HTML?  Real HTML closes (</x>),
 * comments (<!--), gives attribute values (<img src=...>), closes itself
 * (<br/>), or is an element with at most valueless attributes it has
 * (<details open>, <br>, <kbd> closed later).  A known element with
 * other bare words is a slot: "link to dashboard" is not an attribute. */
static int
is_slot_tag(const ph_ctx *pc, const char *s, size_t n)
{
    const char *in = s + 1, *rest;
    size_t m, k = 0, rn, i, words = 0;
    int all_boolean = 1;
    char name[32];

    if (n < 3 || !is_letter(in[0]) || names_redaction(in, n - 2)
        || word_in(in, n - 2, literal_tokens)
        || is_timeline_marker(in, n - 2))
        return 0;
    m = n - 2;  /* the text between '<' and '>' */
    while (k < m && (is_letter(in[k]) || is_digit(in[k]) || in[k] == '-'))
        k++;
    rest = in + k;
    rn = m - k;
    if (rn > 0 && !bl_is_blank(rest[0]) && rest[0] != '/')
        return 0;
    if (memchr(rest, '=', rn) != NULL || memchr(rest, '"', rn) != NULL
        || memchr(rest, '\'', rn) != NULL)
        return 0;
    while (rn > 0 && bl_is_blank(rest[rn - 1]))
        rn--;
    if (rn > 0 && rest[rn - 1] == '/')
        return 0;
    for (i = 0; i < rn;) {
        size_t b;
        while (i < rn && bl_is_blank(rest[i]))
            i++;
        b = i;
        while (i < rn && !bl_is_blank(rest[i]))
            i++;
        if (i > b) {
            words++;
            if (!word_in(rest + b, i - b, boolean_attributes))
                all_boolean = 0;
        }
    }
    if (k >= sizeof name)
        return 1;   /* no element is that long */
    bl_ascii_lower(in, k, name);
    if (words > 0)
        return !(all_boolean && word_in(name, k, html_elements));
    if (bl_strset_has(&pc->closed, name, k))
        return 0;
    return !word_in(name, k, html_elements)
           || word_in(name, k, slot_like_elements);
}

/* Collects the lower-case names of the elements some "</name" closes. */
static int
collect_closed(ph_ctx *pc)
{
    const bl_doc *doc = pc->lc->doc;
    const char *s = doc->src, *p = s, *end = s + doc->len;
    char name[32];

    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        size_t k = 0;
        p++;
        if (p >= end || *p != '/')
            continue;
        p++;
        while (p + k < end && k < sizeof name
               && (is_letter(p[k]) || is_digit(p[k]) || p[k] == '-'))
            k++;
        if (k == 0 || k >= sizeof name || !is_letter(p[0]))
            continue;
        bl_ascii_lower(p, k, name);
        if (bl_strset_add(&pc->closed, name, k) < 0)
            return -1;
        p += k;
    }
    return 0;
}

/* End of the tag starting at source offset at (just past its '>'), or 0
 * when there is none within reach. */
static size_t
tag_end(const bl_doc *doc, size_t at)
{
    size_t lim = doc->len - at > SLOT_MAX ? at + SLOT_MAX : doc->len;
    const char *gt = memchr(doc->src + at, '>', lim - at);

    return gt != NULL ? (size_t)(gt - doc->src) + 1 : 0;
}

/* --- Collecting one unit's slots ----------------------------------------- */

static int
add_slot(ph_ctx *pc, size_t begin, size_t end, slot_kind kind)
{
    slot s;

    s.begin = begin;
    s.end = end;
    s.kind = kind;
    return BL_VEC_PUSH(&pc->slots, s);
}

/* What a byte of prose can be to scan_text.  Most bytes are blanks,
 * punctuation or the rest of a word that opened no slot, each passed over
 * with one look in this table; bytes from 0x80 on are 0 (UTF-8 is read
 * only where a slot word starts after it). */
enum {
    SLOT_BYTE_WORD = 1,     /* [A-Za-z0-9_]: an ASCII word goes on */
    SLOT_BYTE_LEAD = 2,     /* may start a slot word: a format letter
                               (YMDHSX, any case), 1 or 2 (20xx, 19xx),
                               T or t (TBD, TODO), F (FIXME), Z (ZZZ), L or
                               l (lorem) */
    SLOT_BYTE_MARK = 4      /* { < [ ?: punctuation a slot opens with */
};
static const unsigned char slot_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 0, 0, 4, 0, 0, 4,
    0, 1, 1, 1, 3, 1, 3, 1, 3, 1, 1, 1, 3, 3, 1, 1,
    1, 1, 1, 3, 3, 1, 1, 1, 3, 3, 3, 4, 0, 0, 0, 1,
    0, 1, 1, 1, 3, 1, 1, 1, 3, 1, 1, 1, 3, 3, 1, 1,
    1, 1, 1, 3, 3, 1, 1, 1, 3, 3, 1, 4, 0, 0, 0, 0,
};

/* Can a slot word start with the letters c and next: a format (YYYY,
 * MM, 20xx), TBD, TODO, FIXME, XXX or lorem ipsum?  Each matcher rejects
 * every other word at its second letter at the latest; asking this first
 * spares the prose words that start with a lead all four.  Inline, as
 * next_token: it is asked of every such word. */
static inline int
may_start_slot_word(char c, char next)
{
    char lower = (char)(c | 0x20);

    return (next == c && (format_field(c) != 0 || c == 'Z'))
           || (c == '2' && next == '0') || (c == '1' && next == '9')
           || (lower == 't' && ((next | 0x20) == 'b'
                                || (c == 'T' && next == 'O')))
           || (c == 'F' && next == 'I')
           || (lower == 'l' && (next | 0x20) == 'o');
}

/* Where the next word or mark after the one at t[i] starts, or n: slots
 * start at nothing else, so the rest of the word and the blanks,
 * punctuation and UTF-8 after it are passed over.  Inline: it runs once
 * per token of every unit, and the call cost as much as the scan. */
static inline size_t
next_token(const char *t, size_t n, size_t i)
{
    const unsigned char *p = (const unsigned char *)t + i;
    const unsigned char *end = (const unsigned char *)t + n;

    if (slot_byte[*p] & SLOT_BYTE_WORD)
        while (++p < end && (slot_byte[*p] & SLOT_BYTE_WORD))
            ;
    else
        p++;
    while (p < end && slot_byte[*p] == 0)
        p++;
    return (size_t)(p - (const unsigned char *)t);
}

/* The start of the next token after the one at t[i] that a slot may open
 * with: a mark, or a word whose first two letters may_start_slot_word
 * allows; n when there is none.  Most of a unit's tokens are passed over
 * here, in one loop, rather than each a turn of scan_text's. */
static size_t
next_slot_start(const char *t, size_t n, size_t i)
{
    for (i = next_token(t, n, i); i < n; i = next_token(t, n, i)) {
        unsigned char cls = slot_byte[(unsigned char)t[i]];
        if ((cls & SLOT_BYTE_MARK)
            || ((cls & SLOT_BYTE_LEAD) && i + 1 < n
                && may_start_slot_word(t[i], t[i + 1])))
            break;
    }
    return i;
}

/* How many differently written formats of one unit are compared with
 * each other: a text about formats names two or three. */
#define UNIT_SHAPES_MAX 8

/* Drops the formats of pc->found that another format of the unit
 * contrasts: "expected DD/MM/YYYY but the provider sent MM/DD/YYYY". */
static void
drop_contrasted_formats(ph_ctx *pc)
{
    fmt_shape shapes[UNIT_SHAPES_MAX];
    size_t ns = 0, k, j;

    for (k = 0; k < pc->found.n; k++) {
        const fmt_shape *f = &pc->found.items[k].shape;
        if (f->n == 0)
            continue;
        for (j = 0; j < ns && !same_shape(&shapes[j], f); j++)
            ;
        if (j == ns && ns < UNIT_SHAPES_MAX)
            shapes[ns++] = *f;
    }
    if (ns < 2)
        return;
    for (k = 0; k < pc->found.n; k++) {
        found_slot *fs = &pc->found.items[k];
        if (fs->shape.n == 0 || !fs->keep)
            continue;
        for (j = 0; j < ns; j++)
            if (formats_contrast(&fs->shape, &shapes[j]))
                fs->keep = 0;
    }
}

/* Slots written in the unit's prose. */
static int
scan_text(ph_ctx *pc, const bl_unit *u)
{
    const bl_doc *doc = pc->lc->doc;
    size_t n, i = 0, k, prev_format_end = SIZE_MAX;
    const char *t = bl_unit_text(doc, u, &n);
    int quote = (u->flags & BL_UNIT_QUOTE) != 0;
    bl_unit_memo *m = pc->lc->memo_of_unit != NULL
                      ? pc->lc->memo_of_unit[u - doc->units.items] : NULL;
    unsigned key = (unsigned)quote | (unsigned)pc->markers << 1;

    if (m != NULL && m->slots_valid && m->slots_key == key) {
        for (i = 0; i < m->slots.n; i++)
            if (add_slot(pc, bl_unit_to_source(doc, u, m->slots.items[i].begin,
                                               0),
                         bl_unit_to_source(doc, u, m->slots.items[i].end, 1),
                         (slot_kind)m->slots.items[i].kind) < 0)
                return -1;
        return 0;
    }
    if (m != NULL) {
        m->slots_valid = 0;
        m->slots.n = 0;
    }

    pc->found.n = 0;
    while (i < n) {
        size_t e = 0, b = i;
        slot_kind kind = SLOT_TEMPLATE;
        char c = t[i];
        unsigned char cls = slot_byte[(unsigned char)c];
        found_slot fs;

        fs.shape.n = 0;
        if (cls & SLOT_BYTE_MARK) {
            if (c == '{')
                e = match_braces(t, n, i);
            else if (c == '<')
                e = match_angle_text(t, n, i);
            else if (c == '[')
                e = match_bracket(t, n, i, &kind);
            else {
                e = match_questions(t, n, i);
                kind = SLOT_VALUE;
            }
        } else if ((cls & SLOT_BYTE_LEAD) && i + 1 < n
                   && may_start_slot_word(c, t[i + 1])
                   && (i > 0 && (unsigned char)t[i - 1] < 0x80
                       ? !(slot_byte[(unsigned char)t[i - 1]] & SLOT_BYTE_WORD)
                       : !is_word_before(t, i))) {
            if ((e = match_format(t, n, i, &fs.shape)) != 0)
                kind = SLOT_FORMAT;
            else if ((e = match_marker(t, n, i)) != 0)
                kind = SLOT_MARKER;
            else if ((e = match_xxx(t, n, i)) != 0)
                kind = SLOT_VALUE;
            else if ((e = match_lorem(t, n, i)) != 0)
                kind = SLOT_FILLER;
        }
        if (e <= i) {
            i = next_slot_start(t, n, i);
            continue;
        }
        /* Markers are the author's own shorthand: they can be turned off,
         * and in a block quote they are someone else's words, quoted. */
        fs.keep = kind == SLOT_TEMPLATE || kind == SLOT_FORMAT
                  || (pc->markers && !quote);
        if (kind == SLOT_FORMAT) {
            size_t match_end = e;
            fs.keep = widen_format(t, n, &b, &e, prev_format_end)
                      && !format_named_around(t, n, b, e)
                      && !is_quoted_format(t, n, b, e)
                      && !in_shown_string(t, n, b, e);
            prev_format_end = match_end;
        }
        fs.keep = fs.keep && !is_quoted(t, n, b, e);
        fs.at.begin = b;
        fs.at.end = e;
        fs.at.kind = (int)kind;
        if ((fs.keep || fs.shape.n > 0) && BL_VEC_PUSH(&pc->found, fs) < 0)
            return -1;
        /* What a match covers is read once: a format named in quotes
         * ("YYYY-MM-DD") must not leave its "MM-DD" to be found. */
        i = e;
    }
    drop_contrasted_formats(pc);
    for (k = 0; k < pc->found.n; k++) {
        const bl_memo_slot *ms = &pc->found.items[k].at;
        if (!pc->found.items[k].keep)
            continue;
        if (add_slot(pc, bl_unit_to_source(doc, u, ms->begin, 0),
                     bl_unit_to_source(doc, u, ms->end, 1),
                     (slot_kind)ms->kind) < 0
            || (m != NULL && BL_VEC_PUSH(&m->slots, *ms) < 0))
            return -1;
    }
    if (m != NULL) {
        m->slots_valid = 1;
        m->slots_key = key;
    }
    return 0;
}

/* The orders in which the document's date formats write day and month
 * (day_month_order), named or not. */
static int
document_day_month(const bl_doc *doc)
{
    int orders = 0;
    size_t ui;

    for (ui = 0; ui < doc->units.n && orders != (DAY_FIRST | MONTH_FIRST);
         ui++) {
        size_t n, i = 0, e;
        const char *t = bl_unit_text(doc, &doc->units.items[ui], &n);
        fmt_shape sh;
        while (i < n) {
            if ((slot_byte[(unsigned char)t[i]] & SLOT_BYTE_LEAD) && i + 1 < n
                && may_start_slot_word(t[i], t[i + 1])
                && !is_word_before(t, i)
                && (e = match_format(t, n, i, &sh)) != 0) {
                orders |= day_month_order(&sh);
                i = e;
            } else {
                i = next_token(t, n, i);
            }
        }
    }
    return orders;
}

/* A document that writes day and month both ways round (DD/MM/YYYY and
 * MM/DD/YYYY) is about that difference: there, each such format is the
 * name of one, also where nothing around it says so ("the guess stayed
 * DD/MM/YYYY").  Drops those formats from pc->slots.  Not YYYY-MM-DD,
 * which a template beside a DD/MM example still leaves to fill. */
static void
drop_day_month_names(ph_ctx *pc)
{
    const bl_doc *doc = pc->lc->doc;
    size_t k, kept;

    for (k = kept = 0; k < pc->slots.n; k++) {
        const slot *sl = &pc->slots.items[k];
        fmt_shape sh;
        size_t p;
        int named = 0;
        if (sl->kind == SLOT_FORMAT) {
            if (pc->day_month < 0)
                pc->day_month = document_day_month(doc);
            /* The format itself, past digits filled in before it. */
            for (p = sl->begin; p < sl->end
                 && match_format(doc->src, doc->len, p, &sh) == 0; p++)
                ;
            named = pc->day_month == (DAY_FIRST | MONTH_FIRST)
                    && p < sl->end && day_month_order(&sh) != 0;
        }
        if (!named)
            pc->slots.items[kept++] = *sl;
    }
    pc->slots.n = kept;
}

/* Slots md4c took for inline HTML: each is a one-space piece of the unit
 * whose source starts with '<'.  A tag may span lines and so pieces;
 * pieces inside a tag or comment already seen are skipped. */
static int
scan_inline_html(ph_ctx *pc, const bl_unit *u)
{
    const bl_doc *doc = pc->lc->doc;
    size_t k, skip_to = 0;

    for (k = u->piece_begin; k < u->piece_end; k++) {
        const bl_piece *p = &doc->pieces.items[k];
        const char *s = doc->src + p->s;
        size_t e;

        if (p->ulen != 1 || p->slen < 2 || p->s < skip_to || s[0] != '<'
            || doc->prose.items[u->text_begin + p->u] != ' ')
            continue;
        if (p->slen >= 4 && memcmp(s, "<!--", 4) == 0) {
            const char *close = find_bytes(s + 4, doc->len - p->s - 4,
                                           "-->", 3);
            skip_to = close != NULL ? (size_t)(close - doc->src) + 3
                                    : doc->len;
            continue;
        }
        if ((e = tag_end(doc, p->s)) == 0)
            continue;
        skip_to = e;
        if (is_word_before(doc->src, p->s))
            continue;   /* Vec<u8>, List<String> */
        /* Quoted, as a word in quotes is: 'the page said "<no value>"'. */
        if (is_quoted(doc->src, doc->len, p->s, e)
            || is_path_parameter(doc->src, doc->len, p->s, e))
            continue;
        if (is_slot_tag(pc, s, e - p->s)
            && add_slot(pc, p->s, e, SLOT_TEMPLATE) < 0)
            return -1;
    }
    return 0;
}

/* A line of an HTML block that is nothing but a slot: md4c makes
 * "<service name>" alone on its line an HTML block.  Comments, and the
 * raw text of <pre>, <script>, <style> and <textarea>, are skipped. */
static int
scan_html_block(ph_ctx *pc, const bl_block *b)
{
    static const char *const raw[] = {"<pre", "<script", "<style",
                                      "<textarea", NULL};
    const bl_doc *doc = pc->lc->doc;
    size_t li = bl_doc_line_of(doc, b->begin);
    int in_comment = 0;

    for (; li < doc->lines.n; li++) {
        size_t lb, le, i, k;
        bl_doc_line_span(doc, li, &lb, &le);
        if (lb > b->end)
            break;
        i = lb > b->begin ? lb : b->begin;
        if (le > b->end)
            le = b->end;
        /* Quote markers: a tag starts with '<', so none is eaten. */
        while (i < le && (bl_is_blank(doc->src[i])
                          || ((b->flags & BL_IN_QUOTE) && doc->src[i] == '>')))
            i++;
        if (in_comment
            || (le - i >= 4 && memcmp(doc->src + i, "<!--", 4) == 0)) {
            in_comment = find_bytes(doc->src + i, le - i, "-->", 3) == NULL;
            continue;
        }
        for (k = 0; raw[k] != NULL; k++) {
            size_t rl = strlen(raw[k]);
            if (le - i >= rl && strncasecmp(doc->src + i, raw[k], rl) == 0
                && (le - i == rl || !is_letter(doc->src[i + rl])))
                return 0;
        }
        while (le > i && bl_is_blank(doc->src[le - 1]))
            le--;
        if (le - i >= 3 && doc->src[i] == '<' && doc->src[le - 1] == '>'
            && memchr(doc->src + i + 1, '<', le - i - 2) == NULL
            && memchr(doc->src + i + 1, '>', le - i - 2) == NULL
            && is_slot_tag(pc, doc->src + i, le - i)
            && add_slot(pc, i, le, SLOT_TEMPLATE) < 0)
            return -1;
    }
    return 0;
}

/* --- Instructions left in ------------------------------------------------ */

/* Verbs that ask for writing: an italic paragraph opening with one is a
 * template's instruction. */
static const char *const writing_verbs[] = {
    "describe", "summarize", "summarise", "explain", "insert", "enter",
    "fill", "paste", "replace", "mention", "outline", "specify", "list",
    "elaborate", "briefly", NULL
};
/* Verbs an instruction may open with, but an action item too ("Add a
 * prompt", "Include the region in alert titles"): they need a second
 * sign of a template. */
static const char *const other_verbs[] = {
    "include", "provide", "give", "put", "add", "write", "link", "attach",
    "be", "keep", "state", "record", "document", "delete", "remove",
    "update", "schedule", "identify", "capture", "use", "consider", "try",
    "make", "leave", "share", "copy", "tell", "answer", "name", NULL
};
/* Labels of an editor's note to readers: "_Update: ..._", and how far
 * their colon may follow them ("Update (2026-03-06, 14:00 UTC):"). */
#define NOTE_LABEL_MAX 32
static const char *const note_labels[] = {
    "update", "updated", "note", "edit", "edited", "correction",
    "addendum", "erratum", NULL
};
/* A label that only templates open an instruction with: "_Optional:
 * link to the dashboard._".  Read past, like an editor's note, and a sign
 * of a template itself. */
static const char *const template_labels[] = {"optional", NULL};
/* Nouns that name what to write ("_A brief summary of what happened._",
 * "_One paragraph: how the problem was noticed._"), after a word for how
 * much, and the words for how much. */
static const char *const writing_nouns[] = {
    "summary", "description", "overview", "explanation", "list",
    "paragraph", "paragraphs", "sentence", "sentences", "bullet", "bullets",
    NULL
};
static const char *const size_words[] = {
    "brief", "short", "concise", "quick", "one", "two", "three", "few",
    NULL
};
static const char *const question_words[] = {
    "who", "what", "when", "where", "why", "how", "which", "did", "was",
    "were", "is", "are", "do", "does", "has", "have", "had", "can", "could",
    "should", "would", "will", NULL
};
/* Signs that text talks to the author, not the reader. */
static const char *const strong_cues[] = {
    "goes here", "go here", "placeholder", "this template", "this section",
    "(optional)", "your name", NULL
};
static const char *const cues[] = {
    "e.g", "i.e", "for example", "such as", "if any", "if applicable",
    "if relevant", "if there were", "if there was", "if there are",
    "if there is", "should", "this page", "this wiki page", "this document",
    "includ", "describ", "summari", "explain", "description", "sentence",
    "paragraph", "details", "numbers", "anything", "a link", "links to",
    NULL
};

/* Does the emphasis that wraps unit text [from, to) cover it exactly
 * ("_Describe the impact._", "*...*", "***...***")?  Stores its source
 * span, delimiters included.  One span only: "_a_ and _b_" is not. */
static int
emphasis_around(const bl_doc *doc, const bl_unit *u, size_t from, size_t to,
                size_t *p_b, size_t *p_e)
{
    const char *s = doc->src;
    size_t b = bl_unit_to_source(doc, u, from, 0), e;
    size_t l = 0, r = 0, i;
    char c;

    if (b == 0)
        return 0;
    c = s[b - 1];
    if (c != '_' && c != '*')
        return 0;
    while (l < b && l < 4 && s[b - 1 - l] == c)
        l++;
    /* Bold ("**04:33**") is told from italics before the end is looked
     * up. */
    if ((l & 1) == 0 || (b - l > 0 && s[b - l - 1] == '\\'))
        return 0;
    e = bl_unit_to_source(doc, u, to, 1);
    if (e >= doc->len || e <= b)
        return 0;
    while (e + r < doc->len && r < 4 && s[e + r] == c)
        r++;
    if (l != r)
        return 0;
    for (i = b; i < e; i++) {
        size_t run = 0;
        if (s[i] != c)
            continue;
        while (i + run < e && s[i + run] == c)
            run++;
        /* An '_' inside a word (sev1_YYYYMMDD) and a "**bold**" run
         * cannot close the span; anything else might. */
        if (c == '_' ? !(is_word_before(s, i) && is_word_at(s, e, i + run))
                     : (run & 1) != 0)
            return 0;
        i += run - 1;
    }
    *p_b = b - l;
    *p_e = e + r;
    return 1;
}

/* Where the value of a "Label:" lead starts in t ("Postmortem Owner:
 * Your name goes here."), or 0 when t opens with no such label. */
static size_t
label_value(const char *t, size_t n)
{
    size_t i, words = 1;

    /* Most text has no colon near its start, and so no label. */
    if (memchr(t, ':', n < 48 ? n : 48) == NULL)
        return 0;
    for (i = 0; i < n && i < 48; i++) {
        if (t[i] == ':') {
            if (i == 0 || i + 1 >= n || t[i + 1] != ' ')
                return 0;
            while (i + 1 < n && t[i + 1] == ' ')
                i++;
            return i + 1 < n ? i + 1 : 0;
        }
        if (t[i] == '.' || t[i] == '?' || t[i] == '!')
            return 0;
        if (t[i] == ' ' && ++words > 6)
            return 0;
    }
    return 0;
}

/* Is unit ui, an italic question, answered: by more content in its list
 * item (a nested list, a second paragraph), or, outside lists, by the
 * next text of its section? */
static int
is_answered(const bl_doc *doc, size_t ui)
{
    const bl_unit *u = &doc->units.items[ui];
    int blk = u->block, item = -1;
    size_t j;

    if (blk >= 0 && doc->blocks.items[blk].type == BL_BLOCK_LI)
        item = blk;
    else if (blk >= 0 && doc->blocks.items[blk].parent >= 0
             && doc->blocks.items[doc->blocks.items[blk].parent].type
                == BL_BLOCK_LI)
        item = doc->blocks.items[blk].parent;
    if (item >= 0) {
        /* Blocks come in document order, each after its parent, so the
         * item's descendants follow it. */
        for (j = (size_t)item + 1; j < doc->blocks.n; j++) {
            int p = doc->blocks.items[j].parent;
            while (p > item)
                p = doc->blocks.items[p].parent;
            if (p != item)
                break;
            if ((int)j != blk)
                return 1;
        }
        return 0;
    }
    return ui + 1 < doc->units.n
           && doc->units.items[ui + 1].section == u->section
           && !(doc->units.items[ui + 1].flags & BL_UNIT_HEADING);
}

/* Is unit ui in a section of questions ("Open questions", "Q&A"), where
 * a question is meant to stay open? */
static int
in_questions_section(const bl_doc *doc, size_t ui)
{
    int s;

    for (s = doc->units.items[ui].section; s >= 0;
         s = doc->sections.items[s].parent) {
        const bl_section *sec = &doc->sections.items[s];
        size_t n, i;
        const char *t;
        if (sec->title_unit < 0)
            continue;
        t = bl_unit_text(doc, &doc->units.items[sec->title_unit], &n);
        for (i = 0; i + 8 <= n; i++)
            if (strncasecmp(t + i, "question", 8) == 0)
                return 1;
        if (n >= 3 && (strncasecmp(t, "q&a", 3) == 0
                       || strncasecmp(t, "faq", 3) == 0))
            return 1;
    }
    return 0;
}

/* Does lower-case t[0..n) speak to its reader as "you" or "your" (but
 * not "thank you")? */
static int
addresses_the_author(const char *t, size_t n)
{
    const char *p;

    for (p = t; (p = find_bytes(p, n - (size_t)(p - t), "you", 3)); p += 3) {
        size_t at = (size_t)(p - t);
        if ((at == 0 || !is_letter(t[at - 1]))
            && (at + 3 == n || !is_letter(t[at + 3]) || t[at + 3] == 'r')
            && !(at >= 6 && memcmp(t + at - 6, "thank ", 6) == 0))
            return 1;
    }
    return 0;
}

/* Does a clause of lower-case t[0..n) end on "here" ("Put the date
 * here.")? */
static int
ends_on_here(const char *t, size_t n)
{
    const char *p;

    for (p = t; (p = find_bytes(p, n - (size_t)(p - t), "here", 4)); p += 4) {
        size_t at = (size_t)(p - t);
        if ((at == 0 || t[at - 1] == ' ')
            && (at + 4 == n || strchr(".),:;?!", t[at + 4]) != NULL))
            return 1;
    }
    return 0;
}

/* Where a noun for what to write ends in lower-case t, when one opens it
 * at fb (a word fl long) after an article and a word for how much, and is
 * followed by "of" or a colon: "a brief summary of", "one paragraph:";
 * else 0.  A word for how much is needed: "_Summary of the vendor's
 * findings: ..._" is content. */
static size_t
writing_noun_lead(const char *t, size_t n, size_t fb, size_t fl)
{
    size_t i = fb, len = fl;
    int sized = 0, k;

    for (k = 0; k < 3 && len > 0; k++) {
        if (word_in(t + i, len, writing_nouns)) {
            i += len;
            if (sized && ((n - i >= 3 && memcmp(t + i, " of", 3) == 0)
                          || (i < n && t[i] == ':')))
                return i;
            return 0;
        }
        if (word_in(t + i, len, size_words))
            sized = 1;
        else if (!(len == 1 && t[i] == 'a') && !(len == 2 && t[i] == 'a'
                                                 && t[i + 1] == 'n'))
            return 0;
        for (i += len; i < n && t[i] == ' '; i++)
            ;
        for (len = 0; i + len < n && is_letter(t[i + len]); len++)
            ;
    }
    return 0;
}

/* Is the noun that ends at t[i] a label whose value opens with a
 * question word (": how the problem was noticed"), as what to write is
 * told?  1 or 0.  After "of" it is no sign: "_A brief overview of how the
 * cache works follows._" is content. */
static int
what_follows_the_noun(const char *t, size_t n, size_t i)
{
    size_t len;

    if (i >= n || t[i] != ':')
        return 0;
    while (i < n && !is_letter(t[i]))
        i++;
    for (len = 0; i + len < n && is_letter(t[i + len]); len++)
        ;
    return word_in(t + i, len, question_words);
}

/* Is the word t[b..b+len) of lower-case t a verb that asks for writing,
 * not a noun before "of" ("list of owners")? */
static int
asks_for_writing(const char *t, size_t n, size_t b, size_t len)
{
    return word_in(t + b, len, writing_verbs)
           && !(n - b - len >= 3 && memcmp(t + b + len, " of", 3) == 0);
}

/* Reads the first word of each sentence of lower-case t after offset
 * from: a verb that asks for writing sets *p_writing ("_What went well?
 * List the things that helped._"); returns 1 when another verb an
 * instruction opens with leads one ("Try to make it short."), a sign but
 * not a lead.  A word followed by a comma ("Briefly, ...") is no verb. */
static int
later_sentence_leads(const char *t, size_t n, size_t from, int *p_writing)
{
    size_t k, b, len;
    int other = 0;

    for (k = from; k + 2 < n; k++) {
        if (strchr(".?!", t[k]) == NULL || t[k + 1] != ' '
            || (k >= 2 && (t[k - 2] == '.' || t[k - 2] == ' ')))
            continue;   /* no sentence ends at "e.g." or "a. b" */
        for (b = k + 1; b < n && !is_letter(t[b]); b++)
            ;
        for (len = 0; b + len < n && is_letter(t[b + len]); len++)
            ;
        if (b + len < n && t[b + len] == ',')
            continue;
        if (asks_for_writing(t, n, b, len))
            *p_writing = 1;
        else if (word_in(t + b, len, other_verbs))
            other = 1;
    }
    return other;
}

/* Does t[0..n), the text of an italic span, read as an instruction to the
 * author?  A writing verb ("Describe", "List") is enough; another verb
 * that an action item could open with needs a second sign (you, your,
 * "here", "e.g.", what to write: a description, numbers...), and a label
 * ("**Owner:** _..._") counts as one.  "Goes here" is enough, and so is a
 * question nobody answered ("_Who was the IC?_").  Text that opens
 * otherwise needs three signs after "This is", four else. */
static int
reads_as_instruction(const bl_doc *doc, size_t ui, const char *t, size_t n,
                     int label, int answered)
{
    char low[512];
    size_t ln = n < sizeof low ? n : sizeof low, fb = 0, fl = 0, k;
    int writing, other, question, this_is, strong = 0, score;
    int score_after_noun = 0, later;

    bl_ascii_lower(t, ln, low);
    while (fb < ln && !is_letter(low[fb]))
        fb++;
    while (fb + fl < ln && is_letter(low[fb + fl]))
        fl++;
    /* "Update: we have included the vendor's analysis." is an editor's
     * note to readers, not a verb that asks for writing: the text after
     * the label is what reads as an instruction or not.  A date may come
     * before the colon ("Update 2026-03-06:"). */
    if (word_in(low + fb, fl, note_labels)
        || word_in(low + fb, fl, template_labels)) {
        size_t colon = fb + fl;
        int template_label = word_in(low + fb, fl, template_labels);
        while (colon < ln && colon - fb - fl < NOTE_LABEL_MAX
               && strchr(":.?!", low[colon]) == NULL)
            colon++;
        if (colon < ln && low[colon] == ':') {
            for (fb = colon + 1, fl = 0; fb < ln && !is_letter(low[fb]); fb++)
                ;
            while (fb + fl < ln && is_letter(low[fb + fl]))
                fl++;
            label |= template_label;
        }
    }
    writing = asks_for_writing(low, ln, fb, fl);
    other = !writing && word_in(low + fb, fl, other_verbs);
    if (!writing && !other) {
        /* "A brief summary of what happened": a noun for what to write
         * opens it, as a verb would, and the cues are read after it. */
        size_t nb = writing_noun_lead(low, ln, fb, fl);
        if (nb > 0) {
            other = 1;
            score_after_noun = what_follows_the_noun(low, ln, nb);
            fl = nb - fb;
        }
    }
    later = later_sentence_leads(low, ln, fb + fl, &writing);
    question = n > 0 && t[n - 1] == '?'
               && word_in(low + fb, fl, question_words)
               && !answered && !is_answered(doc, ui)
               && !in_questions_section(doc, ui);
    this_is = fl == 4 && memcmp(low + fb, "this", 4) == 0
              && ln - fb >= 8 && memcmp(low + fb + 4, " is ", 4) == 0;
    score = 2 * writing + other + label + 2 * question + score_after_noun
            + later;
    for (k = 0; strong_cues[k] != NULL; k++)
        if (find_bytes(low, ln, strong_cues[k], strlen(strong_cues[k]))) {
            score += 2;
            strong = 1;
        }
    /* The rest of the signs after the first word, which they would
     * otherwise repeat ("Include ... includ"). */
    for (k = 0; cues[k] != NULL; k++)
        if (find_bytes(low + fb + fl, ln - fb - fl, cues[k], strlen(cues[k]))
            != NULL)
            score++;
    score += addresses_the_author(low, ln) + ends_on_here(low, ln);
    if (score >= 2 && (writing || other || strong || question))
        return 1;
    /* With no such lead ("_Some important times to include: ..._",
     * "_Each action item should be..._"), more signs are needed, and
     * standing right under the heading, where templates put their
     * guidance, is one. */
    if (ui > 0 && (doc->units.items[ui - 1].flags & BL_UNIT_HEADING)
        && doc->units.items[ui - 1].section == doc->units.items[ui].section)
        score++;
    return score >= (this_is ? 3 : 4);
}

/* Where the line of unit u's text t[0..n) that holds offset `at` ends:
 * the next line break (a one-space piece that stands for no source), or
 * n. */
static size_t
line_end(const bl_doc *doc, const bl_unit *u, const char *t, size_t n,
         size_t at)
{
    size_t lo = u->piece_begin, hi = u->piece_end, k;

    /* Pieces come in text order: start at the first that reaches `at`. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->pieces.items[mid].u < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (k = lo; k < u->piece_end; k++) {
        const bl_piece *p = &doc->pieces.items[k];
        if (p->ulen == 1 && p->slen == 0 && t[p->u] == ' ')
            return p->u;
    }
    return n;
}

/* Narrows [*p_from, *p_to) of t to its text without blanks around it. */
static void
trim_blanks(const char *t, size_t *p_from, size_t *p_to)
{
    while (*p_to > *p_from && bl_is_blank(t[*p_to - 1]))
        (*p_to)--;
    while (*p_from < *p_to && bl_is_blank(t[*p_from]))
        (*p_from)++;
}

/* Does the line of unit u after the one ending at unit offset z say
 * something, outside italics?  Then an italic question on the line that
 * ends at z has its answer right under it ("_How did we find out?_", then
 * "The error-rate alert paged the on-call engineer."). */
static int
answered_below(const bl_doc *doc, const bl_unit *u, size_t z)
{
    size_t n, b, e, from = z + 1, to;
    const char *t = bl_unit_text(doc, u, &n);

    if (z >= n)
        return 0;
    to = line_end(doc, u, t, n, from);
    trim_blanks(t, &from, &to);
    return from < to && !emphasis_around(doc, u, from, to, &b, &e);
}

/* Is unit text [a, z) of unit ui one italic template instruction, or a
 * "Label:" and one?  Stores the italic span's source bounds, and where
 * its text is in the unit. */
static int
instruction_in(const bl_doc *doc, size_t ui, size_t a, size_t z,
               size_t *p_b, size_t *p_e, bl_span *p_text)
{
    const bl_unit *u = &doc->units.items[ui];
    size_t n, from = a, to = z, v;
    const char *t = bl_unit_text(doc, u, &n);
    int label = 0;

    trim_blanks(t, &from, &to);
    if (to - from < 3)
        return 0;
    if (!emphasis_around(doc, u, from, to, p_b, p_e)) {
        v = label_value(t + from, to - from);
        if (v == 0 || !emphasis_around(doc, u, from + v, to, p_b, p_e))
            return 0;
        from += v;
        label = 1;
    }
    p_text->begin = from;
    p_text->end = to;
    /* Only a question can be answered (and the look below costs a scan
     * of the next line). */
    return reads_as_instruction(doc, ui, t + from, to - from, label,
                                t[to - 1] == '?' && answered_below(doc, u, z));
}

/* The next template instruction in unit ui (a paragraph, list item or
 * table cell) that ends after unit offset *p_pos: the whole unit, or one
 * of its lines ("**Reviewers:** _List them here._" on the line after
 * "**Owner:** @mtan").  Stores what instruction_in does and moves *p_pos
 * past it; returns 0 when there is none. */
static int
next_instruction(const ph_ctx *pc, size_t ui, size_t *p_pos, size_t *p_b,
                 size_t *p_e, bl_span *p_text)
{
    const bl_doc *doc = pc->lc->doc;
    const bl_unit *u = &doc->units.items[ui];
    size_t n, line, brk;
    const char *t = bl_unit_text(doc, u, &n);

    if ((u->flags & BL_UNIT_HEADING) || *p_pos >= n)
        return 0;
    if (*p_pos == 0 && instruction_in(doc, ui, 0, n, p_b, p_e, p_text)) {
        *p_pos = n;
        return 1;
    }
    /* Line by line, from the line after the last one returned (*p_pos is
     * its end): a paragraph of thousands of lines must not be walked from
     * its start for each. */
    for (line = *p_pos > 0 ? *p_pos + 1 : 0;; line = brk + 1) {
        brk = line_end(doc, u, t, n, line);
        if (line == 0 && brk == n)
            break;      /* one line: the whole unit, tried above */
        if (brk > *p_pos
            && instruction_in(doc, ui, line, brk, p_b, p_e, p_text)) {
            *p_pos = brk;
            return 1;
        }
        if (brk >= n)
            break;
    }
    *p_pos = n;
    return 0;
}

/* --- Empty fields -------------------------------------------------------- */

/* The list item unit ui belongs to (its block, or the paragraph's), or
 * -1. */
static int
item_of(const bl_doc *doc, size_t ui)
{
    int b = doc->units.items[ui].block;

    if (b >= 0 && doc->blocks.items[b].type != BL_BLOCK_LI)
        b = doc->blocks.items[b].parent;
    return b >= 0 && doc->blocks.items[b].type == BL_BLOCK_LI ? b : -1;
}

/* Is t[0..n) a field label ("Owner:", "Service(s) affected:"), or, with
 * with_value, also a label and its value ("Owner: @dana")? */
static int
is_label(const char *t, size_t n, int with_value)
{
    size_t i, words = 1;

    while (n > 0 && bl_is_blank(t[n - 1]))
        n--;
    if (with_value && label_value(t, n) > 0)
        return 1;
    if (n < 2 || n > 60 || t[n - 1] != ':' || t[n - 2] == ':')
        return 0;
    for (i = 0; i + 1 < n; i++) {
        words += t[i] == ' ';
        if (t[i] == ':' || t[i] == '.' || t[i] == BL_PLACEHOLDER)
            return 0;
    }
    return words <= 8;
}

/* Is `list` a list of fields (every item a "Label:" or "Label: value")
 * whose empty ones are left to fill: one of several fields, or a list
 * that ends its section?  "- Check the logs:" followed by a code block, a
 * "**Context**:" item followed by its paragraph, or "so that:" followed
 * by a flat list are labels of content that follows. */
static int
is_field_list(const ph_ctx *pc, int list)
{
    const bl_doc *doc = pc->lc->doc;
    size_t j;
    int items = 0;

    for (j = (size_t)list + 1; j < doc->blocks.n; j++) {
        const bl_block *b = &doc->blocks.items[j];
        int p = b->parent;
        while (p > list)
            p = doc->blocks.items[p].parent;
        if (p != list)
            break;      /* past the list: j is what follows it */
        if (b->parent == list) {
            int u = pc->item_unit[j];
            const char *it;
            size_t in;
            if (u < 0)
                return 0;
            it = bl_unit_text(doc, &doc->units.items[u], &in);
            if (!is_label(it, in, 1))
                return 0;
            items++;
        }
    }
    return items >= 2 || j == doc->blocks.n
           || doc->blocks.items[j].type == BL_BLOCK_HEADING;
}

/* Makes pc->item_unit and pc->field_list.  0 or -1. */
static int
index_items(ph_ctx *pc)
{
    const bl_doc *doc = pc->lc->doc;
    size_t i;

    pc->item_unit = malloc((doc->blocks.n + 1) * sizeof *pc->item_unit);
    pc->field_list = malloc(doc->blocks.n + 1);
    if (pc->item_unit == NULL || pc->field_list == NULL)
        return -1;
    memset(pc->field_list, -1, doc->blocks.n + 1);
    for (i = 0; i < doc->blocks.n; i++)
        pc->item_unit[i] = -1;
    for (i = doc->units.n; i-- > 0;) {
        int item = item_of(doc, i);
        if (item >= 0)
            pc->item_unit[item] = (int)i;
    }
    return 0;
}

/* Is item the last of list, with a code block, a table or a quote right
 * after the list?  "- Plan output excerpt:" then labels what follows it,
 * though the block, not indented, ended the list. */
static int
labels_what_follows(const bl_doc *doc, int item, int list)
{
    size_t j;
    int p;

    for (j = (size_t)item + 1; j < doc->blocks.n; j++) {
        for (p = doc->blocks.items[j].parent; p > list;
             p = doc->blocks.items[p].parent)
            ;
        if (p != list)
            break;
        if (doc->blocks.items[j].parent == list)
            return 0;   /* a later item */
    }
    return j < doc->blocks.n
           && (doc->blocks.items[j].type == BL_BLOCK_CODE
               || doc->blocks.items[j].type == BL_BLOCK_TABLE
               || doc->blocks.items[j].type == BL_BLOCK_QUOTE);
}

/* Is unit ui a list item that is only a label waiting for its value
 * ("- Service(s) affected:", "- Owner:"), with nothing nested under it,
 * in a list of fields?  1, 0, or -1 when out of memory. */
static int
is_empty_field(ph_ctx *pc, size_t ui)
{
    const bl_doc *doc = pc->lc->doc;
    size_t n;
    const char *t = bl_unit_text(doc, &doc->units.items[ui], &n);
    int item = item_of(doc, ui), list;

    if (item < 0 || !is_label(t, n, 0) || is_answered(doc, ui)
        || bl_lint_is_part_label(pc->lc, item))
        return 0;
    if (pc->field_list == NULL && index_items(pc) < 0)
        return -1;
    list = doc->blocks.items[item].parent;
    if (pc->field_list[list] < 0)
        pc->field_list[list] = (signed char)is_field_list(pc, list);
    return pc->field_list[list] && !labels_what_follows(doc, item, list);
}

/* --- Reporting ----------------------------------------------------------- */

/* Does section/empty report `section`, or a section it is part of, or
 * the labelled part block bi is in ("**Impact**" over "TBD")?  Then the
 * placeholders in it are that one finding's. */
static int
in_empty_section(ph_ctx *pc, int section, int bi)
{
    const bl_lint_ctx *lc = pc->lc;
    int p;

    if (pc->empty_on < 0)
        pc->empty_on = bl_lint_rule_runs(lc, "section/empty");
    if (!pc->empty_on)
        return 0;
    if (pc->empty_labels != NULL && bi >= 0
        && (p = lc->part_of_block[bi]) >= 0 && pc->empty_labels[p])
        return 1;
    for (; section >= 0; section = lc->doc->sections.items[section].parent) {
        if (lc->kind_of[section] < 0)
            continue;
        if (pc->empty[section] < 0)
            pc->empty[section] =
                (signed char)!bl_lint_section_has_content(lc, section);
        if (pc->empty[section])
            return 1;
    }
    return 0;
}

/* Appends s[0..n) in quotes, on one line, cut at a character boundary;
 * bytes that are not UTF-8 become '?', so a message is always text. */
static int
add_excerpt(bl_strbuf *sb, const char *s, size_t n)
{
    size_t i, cl, cut = n;
    int space = 0, rc = bl_strbuf_add(sb, "\"", 1), started = 0;

    if (cut > EXCERPT_MAX) {
        cut = EXCERPT_MAX;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    }
    for (i = 0; i < cut && rc == 0; i += cl) {
        uint32_t cp = bl_utf8_decode(s, cut, i, &cl);
        if (bl_is_blank(s[i])) {
            space = started;
            continue;
        }
        if (space)
            rc = bl_strbuf_add(sb, " ", 1);
        space = 0;
        started = 1;
        if (rc == 0)
            rc = cp == 0xFFFD && cl == 1 ? bl_strbuf_add(sb, "?", 1)
                                         : bl_strbuf_add(sb, s + i, cl);
    }
    if (rc == 0 && cut < n)
        rc = bl_strbuf_add(sb, "...", 3);
    if (rc == 0)
        rc = bl_strbuf_add(sb, "\"", 1);
    return rc;
}

/* What each kind of placeholder is, around its excerpt. */
static const struct {
    const char *before, *after;
} slot_message[] = {
    [SLOT_TEMPLATE] = {"Template slot ", " was never filled in: replace it "
                       "with the real value, or delete it if it does not "
                       "apply."},
    [SLOT_FORMAT] = {"", " is a date or time format left from the "
                     "template: write the date or time it stands for (for "
                     "example 2025-03-14 or 14:05 UTC)."},
    [SLOT_MARKER] = {"", " marks unfinished text: write what is known now, "
                     "and who is finding out the rest by when, or remove "
                     "it."},
    [SLOT_VALUE] = {"", " stands in for a value nobody filled in: write the "
                    "value, or say that it is not known yet and who is "
                    "finding out."},
    [SLOT_FILLER] = {"", " is filler text from a template: replace it with "
                     "the real content."},
    [SLOT_FIELD] = {"The field ", " was left empty: fill it in, or delete "
                    "the line if it does not apply."},
};

static int
report_span(ph_ctx *pc, size_t b, size_t e, const char *before,
            const char *what, size_t what_n, const char *after)
{
    bl_strbuf msg = {NULL, 0, 0};
    int rc = bl_strbuf_add(&msg, before, strlen(before));

    if (rc == 0)
        rc = add_excerpt(&msg, what, what_n);
    if (rc == 0)
        rc = bl_strbuf_add(&msg, after, strlen(after));
    if (rc == 0)
        rc = bl_lint_report(pc->lc, pc->rule, b, e, msg.items, NULL);
    if (rc == 0 && pc->is_profile_rule)
        rc = bl_lint_explain_placeholder(pc->lc, pc->rule, b, e);
    free(msg.items);
    return rc;
}

/* Does s[0..n), the text between two slots, join them into one run:
 * short, no comma or full stop, and no word but "of", "on", "at" or "to"
 * ("?? of ??", "HH:MM on YYYY-MM-DD", but not "<service> is TBD")? */
static int
is_joining_gap(const char *s, size_t n)
{
    static const char *const joiners[] = {"of", "on", "at", "to", NULL};
    size_t i, b = n, letters = 0;

    if (n > MERGE_GAP)
        return 0;
    for (i = 0; i < n; i++) {
        if (s[i] == '.' || s[i] == ',' || s[i] == ';')
            return 0;
        if (is_letter(s[i])) {
            if (letters++ == 0)
                b = i;
        }
    }
    return letters == 0
           || (letters == 2 && is_letter(s[b + 1])
               && word_in(s + b, 2, joiners));
}

static int
cmp_slot(const void *a, const void *b)
{
    const slot *x = a, *y = b;

    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    return (x->end < y->end) - (x->end > y->end);   /* wider first */
}

/* Reports the collected slots and empties the list: overlapping ones
 * ("[TODO]" holds "TODO") once, neighbours as one run. */
static int
report_slots(ph_ctx *pc)
{
    const char *src = pc->lc->doc->src;
    slot *s = pc->slots.items;
    size_t i = 0, n = pc->slots.n;

    if (n > 1)
        qsort(s, n, sizeof *s, cmp_slot);
    while (i < n) {
        size_t b = s[i].begin, e = s[i].end, j, count = 1;
        int rc;
        for (j = i + 1; j < n; j++) {
            if (s[j].begin >= e
                && !is_joining_gap(src + e, s[j].begin - e))
                break;
            count += s[j].begin >= e;
            if (s[j].end > e)
                e = s[j].end;
        }
        /* "??% (?? of ??" reads better with its parenthesis closed. */
        if (count > 1 && e < pc->lc->doc->len && src[e] == ')'
            && memchr(src + b, '(', e - b) != NULL
            && memchr(src + b, ')', e - b) == NULL)
            e++;
        /* A run in quotes is mentioned as one slot in quotes is: 'the
         * field said "YYYY-MM-DD HH:MM"'. */
        if (e <= b || is_quoted(src, pc->lc->doc->len, b, e))
            rc = 0;
        else if (count > 1)
            rc = report_span(pc, b, e, "Unfilled template text ", src + b,
                             e - b, ": replace it with the real details, or "
                             "delete what does not apply.");
        else
            rc = report_span(pc, b, e, slot_message[s[i].kind].before,
                             src + b, e - b, slot_message[s[i].kind].after);
        if (rc < 0)
            return -1;
        i = j;
    }
    pc->slots.n = 0;
    return 0;
}

/* Are there letters or digits (or any non-ASCII, which may be letters)
 * in src[b, e)? */
static int
has_word_bytes(const char *src, size_t b, size_t e)
{
    for (; b < e; b++)
        if (is_letter(src[b]) || is_digit(src[b]) || (src[b] & 0x80))
            return 1;
    return 0;
}

/* Does cell unit ui sit in a column whose header names an item's state or
 * tracking (Status, State, Bug, Ticket, Issue, Progress, Done, JIRA)? */
static int
in_state_column(const bl_doc *doc, size_t ui)
{
    static const char *const words[] = {"status", "state", "bug", "ticket",
                                        "issue", "progress", "done", "jira",
                                        "tracking", NULL};
    int col = doc->blocks.items[doc->units.items[ui].block].col;
    size_t j = ui + 1;

    while (j-- > 0 && (doc->units.items[j].flags & BL_UNIT_CELL)) {
        const bl_unit *h = &doc->units.items[j];
        const bl_block *hb = &doc->blocks.items[h->block];
        size_t n;
        const char *t;
        if (hb->row != 0 || hb->col != col)
            continue;
        t = bl_unit_text(doc, h, &n);
        return has_word_in(t, n, words);
    }
    return 0;
}

/* Is slot sl the marker "TODO"? */
static int
is_todo(const bl_doc *doc, const slot *sl)
{
    return sl->kind == SLOT_MARKER && sl->end - sl->begin == 4
           && memcmp(doc->src + sl->begin, "TODO", 4) == 0;
}

/* Is the slot at source offset `at` the value of a state label, in
 * source bytes from ub on: "status: TODO", "(owner: @ana, State: TODO)",
 * "**Status:** TODO"?  "Due: TODO" is no state: a date is missing. */
static int
is_state_value(const bl_doc *doc, size_t ub, size_t at)
{
    static const char *const labels[] = {"status", "state", "progress",
                                         NULL};
    const char *s = doc->src;
    size_t p = at, w;

    while (p > ub && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '*'
                      || s[p - 1] == '_'))
        p--;
    if (p == ub || s[p - 1] != ':')
        return 0;
    for (p--; p > ub && (s[p - 1] == '*' || s[p - 1] == '_'); p--)
        ;
    for (w = p; w > ub && is_letter(s[w - 1]); w--)
        ;
    return word_in(s + w, p - w, labels);
}

/* In Action Items, "TODO" is an item's state, as DONE is, not text left
 * unfinished: a Status or Bug cell ("Bug 5554823 TODO" in the SRE book's
 * table), "TODO: alert on queue age", "Pin the client - TODO".  Drops
 * those slots of unit ui: TODO in a cell of a state column, first in an
 * item and followed by a colon, or last in an item that says something
 * else and not as a label's value ("Due: TODO" is still unfilled, as is
 * "- TODO" alone or the action cell), or as the value of a state label
 * ("status: TODO"). */
static void
drop_todo_states(ph_ctx *pc, size_t ui)
{
    const bl_doc *doc = pc->lc->doc;
    const bl_unit *u = &doc->units.items[ui];
    size_t k, kept, ub, ue;
    int state_cell = -1;

    for (k = 0; k < pc->slots.n && !is_todo(doc, &pc->slots.items[k]); k++)
        ;
    if (k == pc->slots.n
        || bl_lint_part_of(pc->lc, u->block, "action-items") < 0)
        return;
    ub = bl_unit_to_source(doc, u, 0, 0);
    ue = bl_unit_to_source(doc, u, u->text_end - u->text_begin, 1);
    for (k = kept = 0; k < pc->slots.n; k++) {
        const slot *sl = &pc->slots.items[k];
        size_t p;
        int todo = is_todo(doc, sl);
        int state = 0;
        if (todo && is_state_value(doc, ub, sl->begin)) {
            state = 1;
        } else if (todo && (u->flags & BL_UNIT_CELL)) {
            if (state_cell < 0)
                state_cell = u->block >= 0 && in_state_column(doc, ui);
            state = state_cell;
        } else if (todo && !has_word_bytes(doc->src, ub, sl->begin)) {
            state = sl->end < ue && doc->src[sl->end] == ':'
                    && has_word_bytes(doc->src, sl->end, ue);
        } else if (todo && !has_word_bytes(doc->src, sl->end, ue)) {
            for (p = sl->begin; p > ub && (doc->src[p - 1] == ' '
                                           || doc->src[p - 1] == '\t'); p--)
                ;
            state = p > ub && doc->src[p - 1] != ':';
        }
        if (!state)
            pc->slots.items[kept++] = *sl;
    }
    pc->slots.n = kept;
}

/* --- The checks ---------------------------------------------------------- */

static int
check_unfilled(ph_ctx *pc)
{
    const bl_doc *doc = pc->lc->doc;
    size_t i, k;

    if (collect_closed(pc) < 0)
        return -1;
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t ib, ie, kept, pos;
        bl_span text;
        if (scan_text(pc, u) < 0 || scan_inline_html(pc, u) < 0)
            return -1;
        drop_day_month_names(pc);
        if (pc->slots.n == 0) {
            int field = is_empty_field(pc, i);
            if (field < 0
                || (field > 0
                    && add_slot(pc, bl_unit_to_source(doc, u, 0, 0),
                                bl_unit_to_source(doc, u, u->text_end
                                                          - u->text_begin, 1),
                                SLOT_FIELD) < 0))
                return -1;
        }
        /* Most units hold no placeholder: only those that do are asked
         * whether section/empty has them. */
        if (pc->slots.n == 0)
            continue;
        if (in_empty_section(pc, u->section, u->block)) {
            pc->slots.n = 0;
            continue;
        }
        drop_todo_states(pc, i);
        if (pc->slots.n == 0)
            continue;
        if (pc->skip_instructions < 0)
            pc->skip_instructions = bl_rule_is_on(pc->lc->rules,
                                               "placeholder/instructions");
        /* Inside an instruction that rule reports, a slot is part of the
         * instruction ("tags such as sev1_YYYYMMDD"). */
        pos = 0;
        while (pc->slots.n > 0 && pc->skip_instructions
               && next_instruction(pc, i, &pos, &ib, &ie, &text)) {
            for (k = kept = 0; k < pc->slots.n; k++)
                if (pc->slots.items[k].begin < ib
                    || pc->slots.items[k].end > ie)
                    pc->slots.items[kept++] = pc->slots.items[k];
            pc->slots.n = kept;
        }
        if (pc->slots.n > 0 && report_slots(pc) < 0)
            return -1;
    }
    for (i = 0; i < doc->blocks.n; i++) {
        const bl_block *b = &doc->blocks.items[i];
        if (b->type != BL_BLOCK_HTML || b->end <= b->begin
            || in_empty_section(pc, b->section, (int)i))
            continue;
        if (scan_html_block(pc, b) < 0 || report_slots(pc) < 0)
            return -1;
    }
    return 0;
}

/* Where the first byte c at or after source offset `from` is (doc->len
 * when there is none), kept between asks: units come in document order,
 * so one search answers all the units up to the byte it found. */
typedef struct byte_cursor {
    char c;
    size_t from, at;
} byte_cursor;

static size_t
next_byte_at(const bl_doc *doc, byte_cursor *bc, size_t pos)
{
    if (pos < bc->from || pos > bc->at) {
        const char *p = memchr(doc->src + pos, bc->c, doc->len - pos);
        bc->from = pos;
        bc->at = p != NULL ? (size_t)(p - doc->src) : doc->len;
    }
    return bc->at;
}

static int
check_instructions(ph_ctx *pc)
{
    const bl_doc *doc = pc->lc->doc;
    byte_cursor underscore = {'_', SIZE_MAX, 0}, star = {'*', SIZE_MAX, 0};
    size_t i;

    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t b, e, n, pos = 0;
        bl_span text;
        const char *t = bl_unit_text(doc, u, &n);
        size_t sb, se;
        /* Every instruction is in italics, so a unit whose source has no
         * emphasis mark has none: most prose, skipped at memchr speed. */
        sb = bl_unit_to_source(doc, u, 0, 0);
        se = bl_unit_to_source(doc, u, n, 1);
        /* The marks around the unit's text are outside its span. */
        sb = sb >= 2 ? sb - 2 : 0;
        se = se + 2 <= doc->len ? se + 2 : doc->len;
        if (se <= sb || (next_byte_at(doc, &underscore, sb) >= se
                         && next_byte_at(doc, &star, sb) >= se))
            continue;
        /* The excerpt is the instruction's prose, without its markup.
         * Whether section/empty has the unit is asked once it holds one. */
        while (next_instruction(pc, i, &pos, &b, &e, &text)
               && !in_empty_section(pc, u->section, u->block))
            if (report_span(pc, b, e, "Template instruction left in the "
                            "text (", t + text.begin,
                            text.end - text.begin, "): write what it asks "
                            "for in its place, or delete it; guidance for "
                            "authors belongs in an HTML comment (<!-- ... "
                            "-->), which readers do not see.") < 0)
                return -1;
    }
    return 0;
}

/* A setting's value, or `otherwise` when the rule set (a --rules
 * directory of a team's own) does not declare it. */
static int
setting_bool(const bl_rules *rules, const char *key, int otherwise)
{
    size_t k;

    for (k = 0; k < rules->settings.n; k++)
        if (strcmp(rules->settings.items[k].info.key, key) == 0)
            return bl_rules_bool(rules, key);
    return otherwise;
}

int
bl_check_placeholders(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    ph_ctx pc;
    int rc = 0;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    memset(&pc, 0, sizeof pc);
    pc.lc = lc;
    pc.rule = rule;
    pc.markers = setting_bool(lc->rules, "placeholder.markers", 1);
    pc.skip_instructions = -1;
    pc.empty_on = -1;
    pc.day_month = -1;
    pc.empty = malloc(lc->doc->sections.n + 1);
    if (pc.empty == NULL)
        return -1;
    memset(pc.empty, -1, lc->doc->sections.n + 1);
    if (lc->label_parts.n > 0
        && (pc.empty_labels = bl_lint_empty_label_parts(lc)) == NULL) {
        free(pc.empty);
        return -1;
    }
    if (strcmp(id, "placeholder/unfilled") == 0)
        rc = check_unfilled(&pc);
    else if (strcmp(id, "placeholder/instructions") == 0)
        rc = check_instructions(&pc);
    else {
        /* A profile that publishes its documents as written reports what
         * is left unfilled under its own rule, at its own severity. */
        pc.is_profile_rule = 1;
        rc = check_unfilled(&pc);
    }
    free(pc.empty);
    free(pc.empty_labels);
    free(pc.item_unit);
    free(pc.field_list);
    bl_strset_free(&pc.closed);
    BL_VEC_FREE(&pc.slots);
    BL_VEC_FREE(&pc.found);
    return rc;
}
