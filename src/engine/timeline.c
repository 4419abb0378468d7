/*
 * timeline.c: the timeline/ rules: an entry whose time goes back with no
 * date change (out-of-order), and a timeline that never says its time
 * zone (no-timezone).
 *
 * Teams write timelines as list items ("- 14:02 alerts fire", "* [13:26]
 * ...", "- **16:58 UTC** - ..."), table rows with a Time column, one
 * heading per timestamp ("### 2019-02-20 08:03"), paragraphs that open
 * with a time, and date lines or date headings that the times under them
 * belong to.  All of these come down to one thing: a unit of the Timeline
 * section (subsections included) that opens with a *stamp*, a run of
 * date, time and zone words.  The stamp's first time orders the entry
 * ("14:02 - 14:10 rollback" is at 14:02); a date that differs from the
 * last one starts a new day, whether it leads an entry or stands alone.
 *
 * Everything that is unsure resets rather than compares: a date that
 * cannot be compared with the last one counts as a new day, so a format
 * this file misreads costs a missed finding, not a false one.
 */
#include <stdint.h>
#include <string.h>

#include "lint.h"
#include "lintcache.h"
#include "text.h"
#include "vec.h"

#define TL_DAY (24 * 3600)     /* seconds */

/* Tokens a stamp may hold; a longer run is prose, not a stamp. */
#define TL_MAX_TOKENS 24

/* A paragraph whose lines start with times is read line by line only when
 * this many of them do: one entry wrapped onto a line that happens to
 * start with a time ("...since\n12:05 UTC") must not read as two. */
#define TL_MIN_TIMED_LINES 3

/* A 12-hour time without am/pm may be read as afternoon ("11:50", "12:05",
 * "1:10") when that moves the clock forward by at most this many seconds:
 * "11:08" then "11:07" is a typo or a swap, not 11:07 pm. */
#define TL_AFTERNOON_MAX_STEP (8 * 3600)

/* --- Dates and stamps ---------------------------------------------------- */

/* A day as far as an entry names it; 0 is "not given". */
typedef struct tl_date {
    int year;
    int month, day;         /* both or neither */
    int day_no;             /* "Day 2" */
    int weekday;            /* 1 Monday .. 7 Sunday */
    int is_other;           /* "the next day": some day other than the last */
    uint32_t raw;           /* a date this file cannot read ("03-04": March
                               4 or April 3?), by a hash of its text: the
                               same text is the same day, any other text
                               another day */
} tl_date;

typedef struct tl_stamp {
    int is_break;           /* not an entry: a subsection heading without
                               a stamp, after which the clock starts over */
    tl_date date;
    int n_dates;            /* dates that disagree ("Oct 25 - Nov 11": 2) */
    int has_time;
    int second;             /* of the day, as read */
    int hour;               /* as written */
    int has_meridiem;       /* written with am/pm */
    int is_24h;             /* only a 24-hour clock writes it so: "14:30",
                               "00:10", "07:30" without am/pm */
    int has_zone;           /* names its zone: "16:58 UTC", "14:02Z" */
    char zone[12];          /* the first zone it names, "UTC" for "Z" */
    size_t time_begin, time_end;    /* source span of the time */
    char shown[16];         /* the time as written, for messages */
} tl_stamp;

static int
date_given(const tl_date *d)
{
    return d->month || d->day_no || d->weekday || d->is_other || d->raw;
}

/* Does every part that both dates give agree? */
static int
dates_agree(const tl_date *a, const tl_date *b)
{
    if (a->is_other || b->is_other)
        return 0;
    if (a->raw || b->raw)
        return a->raw == b->raw;
    if (a->month && b->month && (a->month != b->month || a->day != b->day))
        return 0;
    if (a->year && b->year && a->year != b->year)
        return 0;
    if (a->day_no && b->day_no && a->day_no != b->day_no)
        return 0;
    return !(a->weekday && b->weekday && a->weekday != b->weekday);
}

/* Do a and b name the same day: they agree, and on more than a year? */
static int
same_day(const tl_date *a, const tl_date *b)
{
    return dates_agree(a, b)
           && ((a->month && b->month) || (a->day_no && b->day_no)
               || (a->weekday && b->weekday) || (a->raw && b->raw));
}

static void
merge_date(tl_date *into, const tl_date *d)
{
    if (!into->year)
        into->year = d->year;
    if (!into->month) {
        into->month = d->month;
        into->day = d->day;
    }
    if (!into->day_no)
        into->day_no = d->day_no;
    if (!into->weekday)
        into->weekday = d->weekday;
    if (!into->raw)
        into->raw = d->raw;
}

static void
stamp_add_date(tl_stamp *st, const tl_date *d)
{
    if (!date_given(&st->date)) {
        st->date = *d;
        st->n_dates = 1;
    } else if (dates_agree(&st->date, d)) {
        merge_date(&st->date, d);
    } else {
        st->n_dates++;
    }
}

static int
stamp_found(const tl_stamp *st)
{
    return st->has_time || date_given(&st->date);
}

/* --- Words and numbers --------------------------------------------------- */

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Month and weekday names count only capitalised, as dates are written:
 * "may" and "sat" are words. */
static int
is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static int
is_alnum(char c)
{
    return is_digit(c) || is_alpha(c);
}

/* Length of the run of ASCII letters at t[i]. */
static size_t
letters(const char *t, size_t n, size_t i)
{
    size_t k = 0;

    while (i + k < n && is_alpha(t[i + k]))
        k++;
    return k;
}

/* Is t[i..i+len) the lower-case word w, in any case? */
static int
word_is(const char *t, size_t i, size_t len, const char *w)
{
    size_t k;

    for (k = 0; k < len; k++)
        if (w[k] == '\0' || (char)(t[i + k] | 0x20) != w[k])
            return 0;
    return w[len] == '\0';
}

/* Length of the lower-case word w when it is, in any case, the run of
 * letters at t[i]; else 0.  As word_is(t, i, letters(t, n, i), w), but a
 * word that is not w costs a compare or two, not a walk to its end. */
static size_t
word_at(const char *t, size_t n, size_t i, const char *w)
{
    size_t k;

    for (k = 0; w[k] != '\0'; k++)
        if (i + k >= n || (char)(t[i + k] | 0x20) != w[k])
            return 0;
    return i + k < n && is_alpha(t[i + k]) ? 0 : k;
}

static size_t
skip_blanks(const char *t, size_t n, size_t i)
{
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* Reads a number of 1..max digits at t[i]: returns its length, or 0 when
 * there is none or more digits follow. */
static size_t
number_at(const char *t, size_t n, size_t i, size_t max, int *p_value)
{
    size_t k = 0;
    int v = 0;

    while (i + k < n && is_digit(t[i + k])) {
        if (k == max)
            return 0;
        v = v * 10 + (t[i + k] - '0');
        k++;
    }
    if (k > 0)
        *p_value = v;
    return k;
}

/* --- Times of day -------------------------------------------------------- */

typedef struct tl_clock {
    int second;
    int hour;               /* as written */
    int has_meridiem;
    int is_24h;
    int has_zone;           /* "14:02Z", "14:02:33+01:00" */
    size_t zone_begin, zone_end;    /* where "Z" or the offset is */
    size_t shown_end;       /* end of "14:02:33" or "2:05 PM" */
} tl_clock;

/* An offset written onto a time, "+01:00", "-0500", "+01": returns its
 * length at t[i], or 0. */
static size_t
offset_at(const char *t, size_t n, size_t i)
{
    int v;

    if (i >= n || (t[i] != '+' && t[i] != '-'))
        return 0;
    if (number_at(t, n, i + 1, 4, &v) == 4)
        return 5;
    if (number_at(t, n, i + 1, 2, &v) != 2 || v > 14)
        return 0;
    if (i + 4 < n && t[i + 3] == ':' && number_at(t, n, i + 4, 2, &v) == 2)
        return 6;
    return 3;
}

/* Is t[i..) "am", "pm", "a.m." or "p.m." ending a word?  Stores 'a' or
 * 'p' and returns the length, or 0. */
static size_t
meridiem_at(const char *t, size_t n, size_t i, char *p_which)
{
    char c;

    if (i >= n)
        return 0;
    c = (char)(t[i] | 0x20);
    if (c != 'a' && c != 'p')
        return 0;
    *p_which = c;
    if (letters(t, n, i) == 2 && (t[i + 1] | 0x20) == 'm')
        return 2;
    if (i + 3 < n && t[i + 1] == '.' && (t[i + 2] | 0x20) == 'm'
        && t[i + 3] == '.' && (i + 4 >= n || !is_alpha(t[i + 4])))
        return 4;
    return 0;
}

/* Does the word at t[i] make the number before it a duration ("10:00
 * minutes")?  Written in lower case: "14:02 Second alert" is an entry. */
static int
is_duration_unit(const char *t, size_t n, size_t i)
{
    static const char *const units[] = {
        "min", "mins", "minutes", "hours", "hrs", "sec", "secs", "seconds",
        NULL
    };
    size_t len = letters(t, n, i), k;

    for (k = 0; units[k] != NULL; k++)
        if (bl_lit_equals(units[k], t + i, len))
            return 1;
    return 0;
}

/* Length of " Uhr" at t[i], the German word that says a number before
 * it is a time ("14.05 Uhr", "14 Uhr"), or 0. */
static size_t
uhr_at(const char *t, size_t n, size_t i)
{
    size_t j = skip_blanks(t, n, i), len;

    if (j == i || j - i > 1)
        return 0;
    len = word_at(t, n, j, "uhr");
    return len > 0 ? j + len - i : 0;
}

/* Is t[j] a "Z" standing for UTC after a blank ("10:00 Z"): followed by
 * nothing, a blank or a closing mark, so "10:00 Z-Wave hub" is none? */
static int
spaced_zulu_at(const char *t, size_t n, size_t j)
{
    return j + 1 < n && t[j] == ' ' && t[j + 1] == 'Z'
           && (j + 2 >= n || t[j + 2] == ' ' || t[j + 2] == '\t'
               || (t[j + 2] != '\0' && strchr(")]|,;*_", t[j + 2]) != NULL));
}

/* A time as the German and French 24-hour clocks write it: "14.05 Uhr",
 * "14 Uhr", "14h05".  The dot alone would be a date or a version
 * ("14.05"), so "Uhr" must follow it.  h is the hour read at t[i], k its
 * length; returns the end, or 0. */
static size_t
european_clock_at(const char *t, size_t n, size_t i, size_t k, int h,
                  tl_clock *c)
{
    size_t j = i + k, u;
    int m = 0;

    if ((t[j] == 'h' || t[j] == 'H') && number_at(t, n, j + 1, 2, &m) == 2
        && !(j + 3 < n && is_alnum(t[j + 3]))) {
        j += 3;
        c->shown_end = j;
    } else {
        if (t[j] == '.' && number_at(t, n, j + 1, 2, &m) == 2)
            j += 3;
        if ((u = uhr_at(t, n, j)) == 0)
            return 0;
        j += u;
        c->shown_end = j;
    }
    if (h > 23 || m > 59)
        return 0;
    c->hour = h;
    c->is_24h = 1;
    c->second = (h * 60 + m) * 60;
    return j;
}

/* Reads a time of day at t[i]: "14:02", "2:05 PM", "14:02:33.120",
 * "7:30am", "2pm", "14.05 Uhr", "14h05".  after_t says a date and "T"
 * came just before (ISO 8601), so an offset may follow.  Returns the end
 * (after am/pm), or 0 when t[i] starts no time: "10:00 minutes" is a
 * duration, "1:2" and "1:02:03:04" are not times. */
static size_t
clock_at(const char *t, size_t n, size_t i, int after_t, tl_clock *c)
{
    size_t j, k;
    int h, m, s = 0, seconds = 0;
    char which = 0;

    memset(c, 0, sizeof *c);
    if (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == ':'))
        return 0;
    k = number_at(t, n, i, 2, &h);
    if (k == 0 || i + k >= n)
        return 0;
    if (t[i + k] != ':' && (j = european_clock_at(t, n, i, k, h, c)) > 0)
        return j;
    if (t[i + k] != ':') {
        /* An hour alone counts with am/pm: "2pm", "11 AM". */
        j = i + k;
        k = meridiem_at(t, n, t[j] == ' ' ? j + 1 : j, &which);
        if (k == 0 || h < 1 || h > 12)
            return 0;
        j += (t[j] == ' ') + k;
        c->hour = h;
        c->has_meridiem = 1;
        c->shown_end = j;
        c->second = (h % 12 + (which == 'p' ? 12 : 0)) * 3600;
        return j;
    }
    j = i + k + 1;
    if (number_at(t, n, j, 2, &m) != 2)
        return 0;
    j += 2;
    if (j < n && t[j] == ':' && j + 1 < n && is_digit(t[j + 1])) {
        if (number_at(t, n, j + 1, 2, &s) != 2 || s > 60)
            return 0;
        j += 3;
        seconds = 1;
        if (j + 1 < n && t[j] == '.' && is_digit(t[j + 1]))
            for (j++; j < n && is_digit(t[j]); j++)
                ;
    }
    if (j < n && (t[j] == ':' || t[j] == '.') && j + 1 < n
        && is_digit(t[j + 1]))
        return 0;   /* "1:02:03:04", "10:30.5" */
    if (h > 23 || m > 59)
        return 0;
    c->hour = h;
    c->shown_end = j;
    c->zone_begin = j;
    if (j < n && (t[j] == 'Z' || t[j] == 'z') && (j + 1 >= n
                                                  || !is_alnum(t[j + 1]))) {
        c->has_zone = 1;
        j++;
    } else if (spaced_zulu_at(t, n, j)) {
        c->zone_begin = j + 1;
        c->has_zone = 1;
        j += 2;
    } else if ((after_t || seconds) && (k = offset_at(t, n, j)) > 0) {
        c->has_zone = 1;
        j += k;
    }
    c->zone_end = j;
    k = meridiem_at(t, n, j < n && t[j] == ' ' ? j + 1 : j, &which);
    if (k > 0) {
        j += (t[j] == ' ') + k;
        if (!c->has_zone)
            c->shown_end = j;
        c->has_meridiem = 1;
        if (h >= 1 && h <= 12)
            h = h % 12 + (which == 'p' ? 12 : 0);
    } else if (is_duration_unit(t, n, skip_blanks(t, n, j))) {
        return 0;
    } else {
        c->is_24h = h >= 13 || t[i] == '0';
    }
    c->second = (h * 60 + m) * 60 + s;
    return j;
}

/* --- Calendar dates ------------------------------------------------------ */

/* 1..12 for a month's name or its abbreviation ("Mar", "Sept"), else 0. */
static int
month_of(const char *t, size_t i, size_t len)
{
    static const char *const names[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"
    };
    char w[10], first;
    int m;

    if (len < 3 || len >= sizeof w)
        return 0;
    /* Most words start with no month's first letter: they cost neither
     * the copy nor the compares. */
    first = (char)(t[i] | 0x20);
    for (m = 0; m < 12 && names[m][0] != first; m++)
        ;
    if (m == 12)
        return 0;
    bl_ascii_lower(t + i, len, w);
    for (; m < 12; m++) {
        size_t nl;
        if (names[m][0] != first)
            continue;
        nl = strlen(names[m]);
        if ((len == nl || len == 3) && memcmp(names[m], w, len) == 0)
            return m + 1;
    }
    return len == 4 && memcmp(w, "sept", 4) == 0 ? 9 : 0;
}

/* 1..7 for a weekday's name or abbreviation ("Wed", "Thurs"), else 0. */
static int
weekday_of(const char *t, size_t i, size_t len)
{
    static const struct { const char *name; int day; } names[] = {
        {"monday", 1}, {"mon", 1}, {"tuesday", 2}, {"tue", 2}, {"tues", 2},
        {"wednesday", 3}, {"wed", 3}, {"weds", 3}, {"thursday", 4},
        {"thu", 4}, {"thur", 4}, {"thurs", 4}, {"friday", 5}, {"fri", 5},
        {"saturday", 6}, {"sat", 6}, {"sunday", 7}, {"sun", 7}, {NULL, 0}
    };
    char first = (char)(t[i] | 0x20);
    size_t k;

    for (k = 0; names[k].name != NULL; k++)
        if (names[k].name[0] == first && word_is(t, i, len, names[k].name))
            return names[k].day;
    return 0;
}

/* Skips "st", "nd", "rd" or "th" after a day number. */
static size_t
skip_ordinal(const char *t, size_t n, size_t i)
{
    size_t len = letters(t, n, i);

    if (len == 2 && (word_is(t, i, 2, "st") || word_is(t, i, 2, "nd")
                     || word_is(t, i, 2, "rd") || word_is(t, i, 2, "th")))
        return i + 2;
    return i;
}

static int
year_ok(int y)
{
    return y >= 1900 && y <= 2199;
}

/* "2024-03-01", "2024/03/01", "2024.03.01": returns the end, or 0. */
static size_t
iso_date_at(const char *t, size_t n, size_t i, tl_date *d)
{
    size_t j = i + 4, k;
    int y, mo, da;
    char sep;

    if (number_at(t, n, i, 4, &y) != 4 || !year_ok(y) || j >= n
        || (t[j] != '-' && t[j] != '/' && t[j] != '.'))
        return 0;
    sep = t[j++];
    k = number_at(t, n, j, 2, &mo);
    if (k == 0 || mo < 1 || mo > 12 || j + k >= n || t[j + k] != sep)
        return 0;
    j += k + 1;
    k = number_at(t, n, j, 2, &da);
    if (k == 0 || da < 1 || da > 31)
        return 0;
    j += k;
    if (j + 1 < n && t[j] == sep && is_digit(t[j + 1]))
        return 0;
    memset(d, 0, sizeof *d);
    d->year = y;
    d->month = mo;
    d->day = da;
    return j;
}

/* "2/28", "7/5/2023", "24/07/25", "01-10-2024", "16.01.2020".  Slashes
 * may leave the year out; dashes and dots need it, or a range "14-15" and
 * a version "4.2" would read as dates.  Which number is the day is a
 * guess (the first with dots or when it is above 12, else the second, as
 * in the US); it matters only when two differently written dates are
 * compared, which timelines seldom do. */
static size_t
numeric_date_at(const char *t, size_t n, size_t i, tl_date *d)
{
    size_t j = i, k;
    int a, b, y = 0;
    char sep;

    k = number_at(t, n, j, 2, &a);
    if (k == 0 || j + k >= n
        || (t[j + k] != '/' && t[j + k] != '-' && t[j + k] != '.'))
        return 0;
    sep = t[j + k];
    j += k + 1;
    k = number_at(t, n, j, 2, &b);
    if (k == 0)
        return 0;
    j += k;
    if (j + 1 < n && t[j] == sep && is_digit(t[j + 1])) {
        k = number_at(t, n, j + 1, 4, &y);
        if (k != 2 && k != 4)
            return 0;
        j += 1 + k;
        if (k == 2)
            y += 2000;
        if (!year_ok(y) || (j + 1 < n && t[j] == sep && is_digit(t[j + 1])))
            return 0;
    } else if (sep == '.' && j < n && t[j] == '.'
               && !(j + 1 < n && is_alnum(t[j + 1]))) {
        j++;    /* "04.03.": the German day and month, the dot closing it */
    } else if (sep != '/') {
        return 0;
    }
    memset(d, 0, sizeof *d);
    d->year = y;
    if (sep == '.' || a > 12) {
        d->day = a;
        d->month = b;
    } else {
        d->month = a;
        d->day = b;
    }
    if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31)
        return 0;
    return j;
}

/* An optional year after a named date: ", 2024" or " 2024", never the
 * "14:02" of "Mar 1 14:02".  Returns the end, i when none. */
static size_t
year_after(const char *t, size_t n, size_t i, int *p_year)
{
    size_t k = i;
    int y;

    if (k < n && t[k] == ',')
        k++;
    k = skip_blanks(t, n, k);
    if (number_at(t, n, k, 4, &y) == 4 && year_ok(y)
        && !(k + 4 < n && t[k + 4] == ':')) {
        *p_year = y;
        return k + 4;
    }
    return i;
}

/* Is t[i] a dash followed by a digit (dash_digit) or a capital? */
static int
dash_then(const char *t, size_t n, size_t i, int dash_digit)
{
    return i + 1 < n && t[i] == '-'
           && (dash_digit ? is_digit(t[i + 1]) : is_upper(t[i + 1]));
}

/* The "-2026" or "-26" that ends a spreadsheet's "3-Mar-2026": returns
 * the end, i when there is none. */
static size_t
dash_year_after(const char *t, size_t n, size_t i, int *p_year)
{
    size_t k;
    int y;

    if (!dash_then(t, n, i, 1))
        return i;
    k = number_at(t, n, i + 1, 4, &y);
    if ((k != 2 && k != 4) || (i + 1 + k < n && (is_alnum(t[i + 1 + k])
                                                  || t[i + 1 + k] == ':')))
        return i;
    y += k == 2 ? 2000 : 0;
    if (!year_ok(y))
        return i;
    *p_year = y;
    return i + 1 + k;
}

/* "March 1", "Mar. 1st, 2024", "1 March", "1st of March 2024", and as
 * spreadsheets write them, "03-Mar", "3-Mar-2026", "Mar-04". */
static size_t
named_date_at(const char *t, size_t n, size_t i, tl_date *d)
{
    size_t j = i, k, len;
    int month, day = 0, year = 0, dashed = 0;

    if (is_digit(t[i])) {
        k = number_at(t, n, j, 2, &day);
        if (k == 0)
            return 0;
        j = skip_ordinal(t, n, j + k);
        if ((dashed = dash_then(t, n, j, 0)) != 0) {
            j++;
        } else {
            if (skip_blanks(t, n, j) == j)
                return 0;
            j = skip_blanks(t, n, j);
            if (word_at(t, n, j, "of") > 0)
                j = skip_blanks(t, n, j + 2);
        }
        if (!is_upper(t[j]))
            return 0;
        len = letters(t, n, j);
        if ((month = month_of(t, j, len)) == 0)
            return 0;
        j += len;
    } else {
        if (!is_upper(t[j]))
            return 0;
        len = letters(t, n, j);
        if ((month = month_of(t, j, len)) == 0)
            return 0;
        j += len;
        if ((dashed = dash_then(t, n, j, 1)) != 0) {
            j++;
        } else {
            if (j < n && t[j] == '.')
                j++;
            if (skip_blanks(t, n, j) == j)
                return 0;
            j = skip_blanks(t, n, j);
        }
        k = number_at(t, n, j, 2, &day);
        if (k == 0 || (j + k < n && t[j + k] == ':'))
            return 0;
        j = dashed ? j + k : skip_ordinal(t, n, j + k);
        if (j < n && is_alnum(t[j]))
            return 0;   /* "May 3rd-ish", "Mar 1am" */
    }
    if (day < 1 || day > 31)
        return 0;
    if (dashed) {
        j = dash_year_after(t, n, j, &year);
        if (j < n && (is_alnum(t[j]) || t[j] == '-'))
            return 0;   /* "Mar-04-2026x", "03-Mar-Q1" */
    } else {
        j = year_after(t, n, j, &year);
    }
    memset(d, 0, sizeof *d);
    d->year = year;
    d->month = month;
    d->day = day;
    return j;
}

/* "Day 2": the incident's second day; "D+1", the day after day D, is
 * its second day too. */
static size_t
day_no_at(const char *t, size_t n, size_t i, tl_date *d)
{
    size_t j, k;
    int v;

    if (i + 2 < n && t[i] == 'D' && t[i + 1] == '+' && letters(t, n, i) == 1) {
        k = number_at(t, n, i + 2, 2, &v);
        if (k == 0 || (i + 2 + k < n && (is_alnum(t[i + 2 + k])
                                         || t[i + 2 + k] == ':')))
            return 0;
        memset(d, 0, sizeof *d);
        d->day_no = v + 1;
        return i + 2 + k;
    }
    if (word_at(t, n, i, "day") == 0)
        return 0;
    j = skip_blanks(t, n, i + 3);
    if (j == i + 3)
        return 0;
    k = number_at(t, n, j, 3, &v);
    if (k == 0 || v == 0 || (j + k < n && (t[j + k] == ':'
                                          || is_alpha(t[j + k]))))
        return 0;
    memset(d, 0, sizeof *d);
    d->day_no = v;
    return j + k;
}

/* "Next day", "The following morning": a new day, date unknown. */
static size_t
next_day_at(const char *t, size_t n, size_t i, tl_date *d)
{
    size_t j = i, len;

    if ((len = word_at(t, n, j, "the")) > 0)
        j = skip_blanks(t, n, j + len);
    if ((len = word_at(t, n, j, "next")) == 0
        && (len = word_at(t, n, j, "following")) == 0)
        return 0;
    j = skip_blanks(t, n, j + len);
    if ((len = word_at(t, n, j, "day")) == 0
        && (len = word_at(t, n, j, "morning")) == 0)
        return 0;
    memset(d, 0, sizeof *d);
    d->is_other = 1;
    return j + len;
}

/* "20260304", a date without separators, as some exports write it. */
static size_t
compact_date_at(const char *t, size_t n, size_t i, tl_date *d)
{
    int v, y, mo, da;

    if (number_at(t, n, i, 8, &v) != 8 || (i + 8 < n && is_alnum(t[i + 8])))
        return 0;
    y = v / 10000;
    mo = v / 100 % 100;
    da = v % 100;
    if (!year_ok(y) || mo < 1 || mo > 12 || da < 1 || da > 31)
        return 0;
    memset(d, 0, sizeof *d);
    d->year = y;
    d->month = mo;
    d->day = da;
    return i + 8;
}

/* Longest text an unread date may be ("12th/Sept/2026"). */
#define TL_MAX_UNREAD_DATE 20

/* A date this file does not read, where an entry's stamp starts: two or
 * more parts joined by '-', '.' or '/', each a number (with an ordinal:
 * "3rd") or a month's name, one a number: "03-04", "3rd/Mar", "4.3".  Its
 * text stands for the day (tl_date.raw).  A misread date must cost a
 * missed finding, never a false one: read as no date at all, the next
 * bare time would be compared across the day it may have changed. */
static size_t
unread_date_at(const char *t, size_t n, size_t i, tl_date *d)
{
    size_t j = i, parts = 0, numbers = 0, k;
    uint32_t h;

    while (j < n && j - i <= TL_MAX_UNREAD_DATE) {
        size_t len = letters(t, n, j);
        if (is_digit(t[j])) {
            for (k = j; k < n && is_digit(t[k]); k++)
                ;
            if (k - j > 4)
                return 0;
            j = skip_ordinal(t, n, k);
            numbers++;
        } else if (len > 0 && month_of(t, j, len) > 0) {
            j += len;
        } else {
            return 0;
        }
        parts++;
        if (j + 1 < n && (t[j] == '-' || t[j] == '.' || t[j] == '/')
            && is_alnum(t[j + 1]))
            j++;
        else
            break;
    }
    if (parts < 2 || numbers == 0 || j - i > TL_MAX_UNREAD_DATE
        || (j < n && (is_alnum(t[j]) || t[j] == ':')))
        return 0;
    h = bl_fold_hash(t + i, j - i);     /* case-blind */
    memset(d, 0, sizeof *d);
    d->raw = h != 0 ? h : 1;
    return j;
}

/* A template's date slot: "YYYY-MM-DD", "YYYY-MM-DD+1", "20xx-MM-DD",
 * "DD/MM", "DATE".  It stands for a day nobody has written down, so it
 * starts a new one. */
static size_t
date_slot_at(const char *t, size_t n, size_t i, tl_date *d)
{
    static const char slot_chars[] = "YyMmDdXx0123456789-/.+";
    size_t j = i;
    int parts = 0;

    if (n - i >= 4 && memcmp(t + i, "DATE", 4) == 0
        && letters(t, n, i) == 4) {
        j = i + 4;
    } else {
        /* Two of "YY", "MM", "DD" (any case, any length). */
        while (j < n && t[j] != '\0' && strchr(slot_chars, t[j]) != NULL) {
            char c = (char)(t[j] | 0x20);
            size_t run = 1;
            while (j + run < n && is_alpha(t[j]) && t[j + run] == t[j])
                run++;
            if (run >= 2 && (c == 'y' || c == 'm' || c == 'd'))
                parts++;
            j += run;
        }
        if (parts < 2)
            return 0;
        while (j > i && (t[j - 1] == '.' || t[j - 1] == '-'))
            j--;    /* the end of a sentence, a dash before the text */
    }
    if (j < n && is_alnum(t[j]))
        return 0;
    memset(d, 0, sizeof *d);
    d->is_other = 1;
    return j;
}

/* --- Time zones ---------------------------------------------------------- */

/* Is the word before t[i] "times" or "time", with "US" between them
 * ("all times Pacific", "times US Central"), or is t[i..i+len) alone in
 * parentheses ("Timeline (Central)")?  Then a spoken zone needs no "Time"
 * after it. */
static int
says_zone_alone(const char *t, size_t n, size_t i, size_t len)
{
    size_t b = i, k;
    int words;

    if (i > 0 && t[i - 1] == '(' && i + len < n && t[i + len] == ')')
        return 1;
    for (words = 0; words < 2; words++) {
        while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
            b--;
        for (k = b; k > 0 && is_alpha(t[k - 1]); k--)
            ;
        if (k == b || b == i)
            return 0;
        if (word_is(t, k, b - k, "times") || word_is(t, k, b - k, "time"))
            return 1;
        if (!word_is(t, k, b - k, "us"))
            return 0;
        b = k;
    }
    return 0;
}

/* Is every byte of t[0..n) an ASCII capital? */
static int
all_upper(const char *t, size_t n)
{
    while (n > 0 && t[n - 1] >= 'A' && t[n - 1] <= 'Z')
        n--;
    return n == 0;
}

/* Length of a time zone name at the word start t[i], whose run of
 * letters is len long, or 0: "UTC", "GMT", "CEST", "Europe/Berlin",
 * "Pacific Time", "US/Pacific", "(all times Pacific)", "London time".
 * The names are data (Time-Zones: in rules/timeline.rules); "UTC", "GMT"
 * and "Zulu", in any case, are every rule set's. */
static size_t
zone_at(const bl_rules *z, const char *t, size_t n, size_t i, size_t len)
{
    size_t j;

    if (len == 0 || (i > 0 && is_alnum(t[i - 1])))
        return 0;
    if (word_is(t, i, len, "utc") || word_is(t, i, len, "gmt")
        || word_is(t, i, len, "zulu"))
        return len;
    /* The lists are capitalised and compared exactly: a word in lower
     * case, as most words are, can only be "US/pacific"'s zone. */
    if (t[i] >= 'a' && t[i] <= 'z')
        return len == 7 && i > 0 && t[i - 1] == '/'
                       && word_is(t, i, len, "pacific") ? len : 0;
    /* The abbreviations are 2 to 4 capitals: "Alice" is none of them. */
    if (len >= 2 && len <= 4 && t[i + 1] >= 'A' && t[i + 1] <= 'Z'
        && bl_strset_has(&z->zone_abbrevs, t + i, len))
        return len;
    /* A rule set without the lists (a --rules directory of its own) still
     * must not compare "15:00 UTC" with "09:00 PDT": there, capitals
     * ending in T are a zone.  A word taken for one wrongly ("IT") only
     * keeps two entries from being compared. */
    if (!z->has_zones && len >= 2 && len <= 5 && t[i + len - 1] == 'T'
        && all_upper(t + i, len))
        return len;
    if (i + len + 1 < n && t[i + len] == '/' && is_alpha(t[i + len + 1])
        && bl_strset_has(&z->zone_regions, t + i, len))
        return len + 1 + letters(t, n, i + len + 1);
    /* "US/Pacific": the zone part of a region/zone name. */
    if (i > 0 && t[i - 1] == '/' && word_is(t, i, len, "pacific"))
        return len;
    /* "London time", "UK time": a place names a zone only with "time"
     * after it; "(London)" is where something happened. */
    if (bl_strset_has(&z->zone_places, t + i, len)) {
        j = skip_blanks(t, n, i + len);
        return j > i + len && word_is(t, j, letters(t, n, j), "time")
               ? len : 0;
    }
    if (!bl_strset_has(&z->zone_spoken, t + i, len))
        return 0;
    if (says_zone_alone(t, n, i, len))
        return len;
    if (i + len >= n || (t[i + len] != ' ' && t[i + len] != '\t'))
        return 0;   /* "Pacific Time": a word follows */
    j = skip_blanks(t, n, i + len);
    {
        size_t wl = letters(t, n, j);
        if (word_is(t, j, wl, "time") || word_is(t, j, wl, "standard")
            || word_is(t, j, wl, "daylight") || word_is(t, j, wl, "summer")
            || word_is(t, j, wl, "european") || word_is(t, j, wl, "mean"))
            return len;
    }
    return 0;
}

/* Does t[0..n) name a time zone anywhere: a zone name, or a time with a
 * "Z" or an ISO offset written onto it? */
static int
names_zone(const bl_rules *z, const char *t, size_t n)
{
    size_t i = 0;

    while (i < n) {
        if (is_alpha(t[i])) {
            size_t len = letters(t, n, i);
            if (zone_at(z, t, n, i, len) > 0)
                return 1;
            i += len;
        } else if (is_digit(t[i])) {
            tl_clock c;
            size_t e = clock_at(t, n, i, i > 0 && t[i - 1] == 'T', &c);
            if (e > 0 && c.has_zone)
                return 1;
            while (i < n && is_digit(t[i]))
                i++;
        } else {
            i++;
        }
    }
    return 0;
}

/* Does t[0..n) speak of the document's times ("All times UTC", "Times
 * are in CET", "Timezone: ...")? */
static int
speaks_of_times(const char *t, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t len = letters(t, n, i);
        if (len == 0) {
            i++;
            continue;
        }
        if ((i == 0 || !is_alnum(t[i - 1]))
            && (word_is(t, i, len, "times") || word_is(t, i, len, "timestamps")
                || word_is(t, i, len, "timezone")
                || (word_is(t, i, len, "time") && i + len + 5 <= n
                    && word_is(t, i + len + 1, letters(t, n, i + len + 1),
                               "zone"))))
            return 1;
        i += len;
    }
    return 0;
}

/* --- Reading a stamp ----------------------------------------------------- */

/* Text a stamp is read from: a unit's text, or the source of a code span
 * in it ("`14:02` alerts fire"). */
typedef struct tl_text {
    const bl_doc *doc;
    const bl_rules *zones;  /* whose zone names are read */
    const bl_unit *unit;    /* NULL: t is doc->src + base */
    size_t base;
    const char *t;
    size_t n;
} tl_text;

static size_t
to_source(const tl_text *x, size_t off, int is_end)
{
    return x->unit != NULL ? bl_unit_to_source(x->doc, x->unit, off, is_end)
                           : x->base + off;
}

/* The piece of unit u that holds unit offset off. */
static const bl_piece *
piece_at(const bl_doc *doc, const bl_unit *u, size_t off)
{
    size_t lo = u->piece_begin, hi = u->piece_end;

    if (lo == hi)
        return NULL;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->pieces.items[mid].u <= off)
            lo = mid;
        else
            hi = mid;
    }
    return &doc->pieces.items[lo];
}

/* Length of what separates a stamp's tokens at t[i]: spaces, brackets,
 * dashes, commas, emphasis left as text, arrows and emoji ("🔴 14:02"). */
static size_t
separator_at(const char *t, size_t n, size_t i)
{
    uint32_t cp;
    size_t cl;

    if (is_alnum(t[i]))
        return 0;   /* most tokens: none of the separators below */
    if (t[i] != '\0' && strchr(" \t,;-/()[]|~@.:*_=>#", t[i]) != NULL)
        return 1;
    if ((unsigned char)t[i] < 0x80)
        return 0;
    cp = bl_utf8_decode(t, n, i, &cl);
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x2BFF) || cp == 0x3000
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F000 && cp <= 0x1FAFF))
        return cl;
    return 0;
}

/* Words a stamp may hold besides dates, times and zones ("At 14:02",
 * "approx. 16:03", "14:02 to 14:10"). */
static int
is_stamp_word(const char *t, size_t i, size_t len)
{
    static const char *const words[] = {
        "at", "on", "approx", "approximately", "around", "about", "circa",
        "ca", "to", "until", "till", "and", "from", NULL
    };
    char first = (char)(t[i] | 0x20);
    size_t k;

    for (k = 0; words[k] != NULL; k++)
        if (words[k][0] == first && word_is(t, i, len, words[k]))
            return 1;
    return 0;
}

/* Notes the zone t[b..e) names, unless the stamp names one already.
 * "Z", "UTC", "GMT" and "Zulu" are one zone. */
static void
stamp_note_zone(tl_stamp *st, const char *t, size_t b, size_t e)
{
    size_t len = e - b;

    st->has_zone = 1;
    if (st->zone[0] != '\0')
        return;
    if (len >= sizeof st->zone)
        len = sizeof st->zone - 1;
    if (word_is(t, b, letters(t, e, b), "z")
        || word_is(t, b, letters(t, e, b), "utc")
        || word_is(t, b, letters(t, e, b), "gmt")
        || word_is(t, b, letters(t, e, b), "zulu")) {
        size_t rest = b + letters(t, e, b);
        memcpy(st->zone, "UTC", 3);
        len = e - rest < sizeof st->zone - 4 ? e - rest : sizeof st->zone - 4;
        memcpy(st->zone + 3, t + rest, len);    /* "UTC+2" */
        st->zone[3 + len] = '\0';
        return;
    }
    memcpy(st->zone, t + b, len);
    st->zone[len] = '\0';
}

/* Makes the time read at x->t[b] the stamp's, unless it has one: only
 * the first time of an entry orders it. */
static void
stamp_set_time(tl_stamp *st, const tl_text *x, size_t b, const tl_clock *c)
{
    size_t k, o = 0;

    if (st->has_time)
        return;
    st->has_time = 1;
    st->second = c->second;
    st->hour = c->hour;
    st->has_meridiem = c->has_meridiem;
    st->is_24h = c->is_24h;
    for (k = b; k < c->shown_end && o + 1 < sizeof st->shown; k++)
        st->shown[o++] = x->t[k];
    st->shown[o] = '\0';
    st->time_begin = to_source(x, b, 0);
    st->time_end = to_source(x, c->shown_end, 1);
}

/* The time of src, as the time of dst. */
static void
stamp_take_time(tl_stamp *dst, const tl_stamp *src)
{
    dst->has_time = 1;
    dst->second = src->second;
    dst->hour = src->hour;
    dst->has_meridiem = src->has_meridiem;
    dst->is_24h = src->is_24h;
    dst->time_begin = src->time_begin;
    dst->time_end = src->time_end;
    memcpy(dst->shown, src->shown, sizeof dst->shown);
}

/* Adds what stamp part says to st: every date, its zone, and its time
 * unless st has one. */
static void
stamp_add_parts(tl_stamp *st, const tl_stamp *part)
{
    if (date_given(&part->date))
        stamp_add_date(st, &part->date);
    if (part->n_dates > 1)
        st->n_dates += part->n_dates - 1;
    if (part->has_zone)
        stamp_note_zone(st, part->zone, 0, strlen(part->zone));
    if (part->has_time && !st->has_time)
        stamp_take_time(st, part);
}

static size_t scan_stamp(const tl_text *x, size_t i, size_t limit,
                         tl_stamp *st, int nested);

/* A code span where a token may stand: "`14:02 UTC` alerts fire".  It
 * counts, and adds to st, when the whole span reads as a stamp. */
static int
code_stamp(const tl_text *x, size_t i, tl_stamp *st)
{
    const bl_piece *p = piece_at(x->doc, x->unit, i);
    tl_text code;
    tl_stamp sub;
    size_t end;

    if (p == NULL || p->u != i || p->ulen != 1 || p->slen == 0)
        return 0;
    code.doc = x->doc;
    code.zones = x->zones;
    code.unit = NULL;
    code.base = p->s;
    code.t = x->doc->src + p->s;
    code.n = p->slen;
    memset(&sub, 0, sizeof sub);
    end = scan_stamp(&code, 0, code.n, &sub, 1);
    if (skip_blanks(code.t, code.n, end) != code.n
        || !(stamp_found(&sub) || sub.has_zone))
        return 0;
    stamp_add_parts(st, &sub);
    return 1;
}

/* Reads the stamp that opens x->t at i, up to limit, into st (which the
 * caller zeroes).  Returns where the stamp ends; st tells what it found. */
static size_t
scan_stamp(const tl_text *x, size_t i, size_t limit, tl_stamp *st,
           int nested)
{
    const char *t = x->t;
    size_t n = limit < x->n ? limit : x->n, tokens = 0, k;
    tl_date d;
    tl_clock c;

    while (i < n && tokens < TL_MAX_TOKENS) {
        if ((k = separator_at(t, n, i)) > 0) {
            i += k;
            continue;
        }
        tokens++;
        if (t[i] == BL_PLACEHOLDER && !nested && x->unit != NULL) {
            if (!code_stamp(x, i, st))
                break;
            i++;
        } else if (is_digit(t[i])) {
            if ((k = iso_date_at(t, n, i, &d)) > 0) {
                stamp_add_date(st, &d);
                i = k;
                if (i + 1 < n && (t[i] == 'T' || t[i] == 't')
                    && is_digit(t[i + 1])) {
                    size_t e = clock_at(t, n, i + 1, 1, &c);
                    if (e == 0)
                        break;
                    stamp_set_time(st, x, i + 1, &c);
                    if (c.has_zone)
                        stamp_note_zone(st, t, c.zone_begin, c.zone_end);
                    i = e;
                }
            } else if ((k = clock_at(t, n, i, 0, &c)) > 0) {
                stamp_set_time(st, x, i, &c);
                if (c.has_zone)
                    stamp_note_zone(st, t, c.zone_begin, c.zone_end);
                i = k;
            } else if ((k = numeric_date_at(t, n, i, &d)) > 0
                       || (k = named_date_at(t, n, i, &d)) > 0
                       || (k = compact_date_at(t, n, i, &d)) > 0
                       || (k = date_slot_at(t, n, i, &d)) > 0
                       || (!stamp_found(st)
                           && (k = unread_date_at(t, n, i, &d)) > 0)) {
                stamp_add_date(st, &d);
                i = k;
            } else {
                break;
            }
        } else if (is_alpha(t[i])) {
            size_t len = letters(t, n, i);
            int wd;
            if ((k = zone_at(x->zones, t, n, i, len)) > 0) {
                k += offset_at(t, n, i + k);    /* "UTC+2" */
                stamp_note_zone(st, t, i, i + k);
                i += k;
            } else if ((k = named_date_at(t, n, i, &d)) > 0
                       || (k = day_no_at(t, n, i, &d)) > 0
                       || (k = next_day_at(t, n, i, &d)) > 0
                       || (k = date_slot_at(t, n, i, &d)) > 0) {
                stamp_add_date(st, &d);
                i = k;
            } else if (is_upper(t[i]) && (wd = weekday_of(t, i, len)) > 0) {
                memset(&d, 0, sizeof d);
                d.weekday = wd;
                stamp_add_date(st, &d);
                i += len;
            } else if (is_stamp_word(t, i, len)) {
                i += len;
            } else if (!stamp_found(st)
                       && (k = unread_date_at(t, n, i, &d)) > 0) {
                stamp_add_date(st, &d);     /* "Sept-04-26" */
                i = k;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    return i;
}

/* The stamp opening unit u at offset off, read no further than limit;
 * 1 when there is one. */
static int
unit_stamp(const bl_doc *doc, const bl_rules *zones, const bl_unit *u,
           size_t off, size_t limit, tl_stamp *st)
{
    tl_text x;

    x.doc = doc;
    x.zones = zones;
    x.unit = u;
    x.base = 0;
    x.t = bl_unit_text(doc, u, &x.n);
    memset(st, 0, sizeof *st);
    scan_stamp(&x, off, limit, st, 0);
    return stamp_found(st);
}

/* --- Gathering a timeline's entries -------------------------------------- */

typedef struct tl_reader {
    const bl_doc *doc;
    const bl_rules *rules;  /* its zone names */
    struct { tl_stamp *items; size_t n, alloc; } entries;
    int table;              /* block index of the table being read, -1 */
    uint64_t time_cols;     /* its columns headed Time, Date, When... */
    int timed;              /* some entry has a time */
    int zone;               /* the section names its time zone */
    int for_order;          /* the entries are for timeline/out-of-order,
                               not only for timeline/no-timezone */
    struct bl_unit_memo **memo_of_unit; /* the lint cache's, or NULL */
} tl_reader;

/* unit_stamp over the whole of unit u, from the unit's memo when its
 * source bytes are the same as when the memo was made (lintcache.h). */
static int
whole_unit_stamp(const tl_reader *r, const bl_unit *u, tl_stamp *st)
{
    const bl_doc *doc = r->doc;
    bl_unit_memo *m = r->memo_of_unit != NULL
                      ? r->memo_of_unit[u - doc->units.items] : NULL;
    size_t sb, se, n = u->text_end - u->text_begin;
    int found;

    if (m == NULL)
        return unit_stamp(doc, r->rules, u, 0, SIZE_MAX, st);
    sb = bl_unit_to_source(doc, u, 0, 0);
    se = bl_unit_to_source(doc, u, n, 1);
    if (se < sb)
        se = sb;
    if (m->stamp != NULL && m->stamp_src_len == se - sb
        && memcmp(m->stamp_src, doc->src + sb, se - sb) == 0) {
        *st = *(const tl_stamp *)m->stamp;
        if (st->has_time) {
            st->time_begin += sb;
            st->time_end += sb;
        }
        return stamp_found(st);
    }
    found = unit_stamp(doc, r->rules, u, 0, SIZE_MAX, st);
    free(m->stamp);
    free(m->stamp_src);
    m->stamp = malloc(sizeof *st);
    m->stamp_src = bl_strndup(doc->src + sb, se - sb);
    m->stamp_src_len = se - sb;
    if (m->stamp == NULL || m->stamp_src == NULL
        || (st->has_time && (st->time_begin < sb || st->time_end < sb))) {
        /* Out of memory, or a span before the unit: not kept. */
        free(m->stamp);
        free(m->stamp_src);
        m->stamp = NULL;
        m->stamp_src = NULL;
        return found;
    }
    *(tl_stamp *)m->stamp = *st;
    if (st->has_time) {
        ((tl_stamp *)m->stamp)->time_begin -= sb;
        ((tl_stamp *)m->stamp)->time_end -= sb;
    }
    return found;
}

static int
add_entry(tl_reader *r, const tl_stamp *st)
{
    r->timed |= st->has_time;
    r->zone |= st->has_zone;
    return BL_VEC_PUSH(&r->entries, *st);
}

/* Does a table header cell name a column of times: "Time (UTC)",
 * "Date/Time", "When", "Day", "UTC"? */
static int
heads_time_column(const bl_rules *z, const char *t, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t len = letters(t, n, i);
        if (len == 0) {
            i++;
            continue;
        }
        if ((len >= 4 && (word_is(t, i, 4, "time") || word_is(t, i, 4, "date")
                          || word_is(t, i, 4, "hour")))
            || word_is(t, i, len, "when") || word_is(t, i, len, "day")
            || word_is(t, i, len, "days") || word_is(t, i, len, "clock")
            || zone_at(z, t, n, i, len) > 0)
            return 1;
        i += len;
    }
    return 0;
}

static int
cell_row(const bl_doc *doc, const bl_unit *u)
{
    return doc->blocks.items[u->block].parent;
}

/* One table row, from unit a on.  Its stamp comes from the columns the
 * header names as times ("Time (UTC)", "Date", "Day"), or, in a table
 * without such a header, from the cells that open the row with dates and
 * times.  Returns the unit after the row. */
static size_t
read_row(tl_reader *r, size_t a, size_t end, int *p_rc)
{
    const bl_doc *doc = r->doc;
    int tr = cell_row(doc, &doc->units.items[a]);
    int group = tr >= 0 ? doc->blocks.items[tr].parent : -1;
    int table = group >= 0 ? doc->blocks.items[group].parent : -1;
    int header = doc->blocks.items[doc->units.items[a].block].row == 0;
    size_t b = a, k;
    tl_stamp row, cell;

    while (b < end && (doc->units.items[b].flags & BL_UNIT_CELL)
           && cell_row(doc, &doc->units.items[b]) == tr)
        b++;
    if (table != r->table) {
        r->table = table;
        r->time_cols = 0;
    }
    if (header) {
        for (k = a; k < b; k++) {
            const bl_unit *u = &doc->units.items[k];
            int col = doc->blocks.items[u->block].col;
            size_t n;
            const char *t = bl_unit_text(doc, u, &n);
            if (col >= 0 && col < 64 && heads_time_column(r->rules, t, n))
                r->time_cols |= (uint64_t)1 << col;
        }
        if (r->time_cols != 0)
            return b;
        /* No header names a time: the "header" may be the first entry. */
    }
    memset(&row, 0, sizeof row);
    for (k = a; k < b; k++) {
        const bl_unit *u = &doc->units.items[k];
        int col = doc->blocks.items[u->block].col;
        int found = whole_unit_stamp(r, u, &cell);
        if (r->time_cols != 0) {
            if (found && col >= 0 && col < 64 && (r->time_cols >> col & 1))
                stamp_add_parts(&row, &cell);
            continue;
        }
        if (!found)
            break;
        stamp_add_parts(&row, &cell);
        if (row.has_time)
            break;
    }
    if (stamp_found(&row) && add_entry(r, &row) < 0)
        *p_rc = -1;
    return b;
}

/* Calls fn for the unit offset at which each source line of paragraph u
 * starts (a piece of text from a later line than the piece before it),
 * with the offset where the line ends; stops when fn returns non-zero. */
static int
each_line(const bl_doc *doc, const bl_unit *u,
          int (*fn)(void *ud, size_t begin, size_t end), void *ud)
{
    size_t i, line = 0, begin = 0;
    int have_line = 0, rc;

    for (i = u->piece_begin; i < u->piece_end; i++) {
        const bl_piece *p = &doc->pieces.items[i];
        if (p->slen == 0)
            continue;   /* a line break, or text md4c made up */
        if (have_line && bl_doc_line_of(doc, p->s) != line) {
            if ((rc = fn(ud, begin, p->u)) != 0)
                return rc;
            begin = p->u;
        }
        have_line = 1;
        line = bl_doc_line_of(doc, p->s + p->slen - 1);
    }
    return have_line ? fn(ud, begin, u->text_end - u->text_begin) : 0;
}

typedef struct tl_lines {
    tl_reader *r;
    const bl_unit *u;
    size_t stamped;
    int add;                /* 0: count the stamped lines; 1: add them */
} tl_lines;

static int
on_line(void *ud, size_t begin, size_t end)
{
    tl_lines *l = ud;
    const bl_doc *doc = l->r->doc;
    tl_stamp st;
    size_t n;
    const char *t = bl_unit_text(doc, l->u, &n);

    if (!unit_stamp(doc, l->r->rules, l->u, skip_blanks(t, n, begin), end,
                    &st))
        return 0;
    l->stamped++;
    return l->add ? add_entry(l->r, &st) : 0;
}

/* A paragraph outside lists that opens with stamp st may be a plain-text
 * timeline, one entry a line ("13:58 deploy" and "14:02 alerts fire"
 * soft-wrapped into one paragraph): it is read line by line when at least
 * TL_MIN_TIMED_LINES of its lines open with a stamp.  Otherwise it is one
 * entry, like any other unit. */
static int
read_paragraph(tl_reader *r, const bl_unit *u, const tl_stamp *st)
{
    tl_lines l;

    l.r = r;
    l.u = u;
    l.stamped = 0;
    l.add = 0;
    each_line(r->doc, u, on_line, &l);
    if (l.stamped < TL_MIN_TIMED_LINES)
        return add_entry(r, st);
    l.add = 1;
    return each_line(r->doc, u, on_line, &l);
}

/* Labels longer than this are sentences in bold, not labels. */
#define TL_MAX_LABEL 60

/* Is unit u a label written in bold instead of a heading ("**Support**",
 * "- **Engineering:**")?  Teams use them to head parallel tracks. */
static int
is_bold_label(const bl_doc *doc, const bl_unit *u)
{
    size_t n, b, e;
    const char *src = doc->src;

    bl_unit_text(doc, u, &n);
    if (n == 0 || n > TL_MAX_LABEL)
        return 0;
    b = bl_unit_to_source(doc, u, 0, 0);
    e = bl_unit_to_source(doc, u, n, 1);
    if (b < 2 || e + 2 > doc->len)
        return 0;
    return ((src[b - 1] == '*' && src[b - 2] == '*' && src[e] == '*'
             && src[e + 1] == '*')
            || (src[b - 1] == '_' && src[b - 2] == '_' && src[e] == '_'
                && src[e + 1] == '_'));
}

/* Does any text of the timeline whose units are [a, end) name a time
 * zone? */
static int
timeline_names_zone(const bl_doc *doc, const bl_rules *z, size_t a,
                    size_t end)
{
    size_t k;

    for (k = a; k < end; k++) {
        size_t n;
        const char *t = bl_unit_text(doc, &doc->units.items[k], &n);
        if (names_zone(z, t, n))
            return 1;
    }
    if (end > a) {
        /* "<details><summary>Full timeline (all times UTC)</summary>" */
        size_t pos = bl_unit_to_source(doc, &doc->units.items[a], 0, 0);
        size_t stop = bl_unit_to_source(doc, &doc->units.items[end - 1],
                                        doc->units.items[end - 1].text_end
                                        - doc->units.items[end - 1]
                                          .text_begin, 1);
        char text[128];
        long n;
        while ((n = bl_doc_next_summary(doc, &pos, stop, text,
                                        sizeof text)) >= 0)
            if (names_zone(z, text, (size_t)n))
                return 1;
    }
    return 0;
}

/* Reads the timeline whose units are [a, end): its entries, and, for
 * timeline/no-timezone, whether it names a time zone (in its text, or in
 * an entry's stamp). */
static int
read_timeline(tl_reader *r, size_t a, size_t end)
{
    const bl_doc *doc = r->doc;
    size_t k;
    int rc = 0;

    r->entries.n = 0;
    r->table = -1;
    r->time_cols = 0;
    r->timed = r->zone = 0;
    /* timeline/no-timezone asks of the entries only whether one gives a
     * time, and only in a timeline whose text names no zone. */
    if (!r->for_order
        && (r->zone = timeline_names_zone(doc, r->rules, a, end)))
        return 0;
    for (k = a; k < end && rc == 0;) {
        const bl_unit *u = &doc->units.items[k];
        tl_stamp st;
        if (u->block < 0 || (u->flags & BL_UNIT_QUOTE)) {
            k++;    /* a quoted chat log is a record, not an entry */
            continue;
        }
        if (u->flags & BL_UNIT_CELL) {
            k = read_row(r, k, end, &rc);
            continue;
        }
        if (!whole_unit_stamp(r, u, &st)) {
            /* "### Customer communication", "### Detailed timeline",
             * "**Support**": a parallel track or a second telling, not
             * the next entry. */
            st.is_break = ((u->flags & BL_UNIT_HEADING) && k > a)
                          || is_bold_label(doc, u);
            if (st.is_break)
                rc = add_entry(r, &st);
        } else if (doc->blocks.items[u->block].type == BL_BLOCK_PARA
                   && !(u->flags & BL_UNIT_ITEM)) {
            rc = read_paragraph(r, u, &st);
        } else {
            rc = add_entry(r, &st);
        }
        k++;
    }
    return rc;
}

/* --- timeline/out-of-order ----------------------------------------------- */

/* How far forward from `clock` the time t lies, counting a step back
 * across midnight of at most `rollover` seconds; -1 when t goes back. */
static int
forward_seconds(int clock, int t, int rollover)
{
    if (t >= clock)
        return t - clock;
    if (t + TL_DAY - clock <= rollover)
        return t + TL_DAY - clock;
    return -1;
}

static int
report_backwards(bl_lint_ctx *lc, int rule, const tl_stamp *e,
                 const tl_stamp *prev, int newest_first)
{
    bl_strbuf msg = {NULL, 0, 0};
    size_t line = bl_doc_line_of(lc->doc, prev->time_begin) + 1;
    int rc;

    if (newest_first)
        rc = bl_strbuf_addf(&msg, "%s comes after %s (line %zu), but this "
                            "timeline lists the newest entries first: "
                            "reorder the entries, or add the date if the "
                            "incident crossed midnight.", e->shown,
                            prev->shown, line);
    else
        rc = bl_strbuf_addf(&msg, "%s comes after %s (line %zu) with no date "
                            "change: reorder the entries, or add the date if "
                            "the incident crossed midnight.", e->shown,
                            prev->shown, line);
    if (rc < 0)
        return -1;
    rc = bl_lint_report(lc, rule, e->time_begin, e->time_end, msg.items,
                        NULL);
    free(msg.items);
    return rc;
}

/* How walk_clock reads a timeline's times. */
typedef struct tl_reading {
    int twelve_hour;        /* a time without am/pm may be afternoon */
    int newest_first;       /* the entries run back in time */
    int rollover;           /* seconds a step back across midnight may
                               span and still read as the next day */
} tl_reading;

/* Walks the entries in order and counts the times that go back; with
 * `rule` >= 0, reports each.  Returns the count, or -1 when out of
 * memory. */
static long
walk_clock(bl_lint_ctx *lc, int rule, const tl_stamp *e, size_t n,
           const tl_reading *how)
{
    tl_date day;
    int have_day = 0, clock = -1;
    /* The day's date was written again, on a line of its own, after the
     * last time: the next time is on that date, as if written on it. */
    int restated = 0;
    /* The last time came with a date of its own ("18:55 (6 May)"), which
     * the next entry, without one, does not repeat: its author marked
     * that entry as on a day of its own, so the next time may be on any
     * later day, and a step back is no error. */
    int dated_alone = 0;
    size_t i, prev = 0;
    long bad = 0;
    const char *zone = "";  /* the zone the clock's times are in */

    memset(&day, 0, sizeof day);
    for (i = 0; i < n; i++) {
        const tl_stamp *s = &e[i];
        int reading[2], readings = 1, k, best = -1, best_at = 0;
        if (s->is_break) {
            /* A part of its own ("### Incident timeline" after a table of
             * key timestamps that ends on the closing day): its times are
             * not on the last date the part before it gave. */
            clock = -1;
            restated = 0;
            have_day = 0;
            dated_alone = 0;
            continue;
        }
        if (date_given(&s->date)) {
            if (!have_day || !same_day(&day, &s->date)) {
                day = s->date;
                have_day = !s->date.is_other;
                clock = -1;
                restated = 0;
            } else {
                merge_date(&day, &s->date);
                /* "**2025-03-03**" over "23:50", then again over "00:10":
                 * a date label copied across midnight. */
                restated |= !s->has_time && clock >= 0;
            }
        }
        if (!s->has_time)
            continue;
        if (s->zone[0] != '\0') {
            /* "15:00 UTC" then "09:00 PDT": not compared, as abbreviations
             * are too ambiguous (IST, CST) to convert. */
            if (zone[0] != '\0' && strcmp(zone, s->zone) != 0)
                clock = -1;
            zone = s->zone;
        }
        reading[0] = s->second;
        if (how->twelve_hour && !s->has_meridiem && s->hour >= 1
            && s->hour <= 12)
            reading[readings++] = s->hour == 12 ? s->second - 12 * 3600
                                                : s->second + 12 * 3600;
        for (k = 0; k < readings; k++) {
            int f;
            if (how->newest_first)
                reading[k] = (TL_DAY - reading[k]) % TL_DAY;
            if (clock < 0)
                continue;
            /* A time to the minute in the minute of the clock before it
             * is no step back: "14:26-14:41 ..." after "14:26:02 ...". */
            if (reading[k] % 60 == 0 && clock > reading[k]
                && clock - reading[k] < 60)
                reading[k] = clock;
            /* The same date written on both entries rules out midnight,
             * and so does the same date written again between them. */
            f = forward_seconds(clock, reading[k],
                                date_given(&s->date) || restated ? 0
                                : dated_alone ? TL_DAY - 1
                                : how->rollover);
            if (k > 0 && f > TL_AFTERNOON_MAX_STEP)
                f = -1;
            if (f >= 0 && (best < 0 || f < best)) {
                best = f;
                best_at = reading[k];
            }
        }
        if (clock >= 0 && best < 0) {
            bad++;
            if (rule >= 0
                && report_backwards(lc, rule, s, &e[prev], how->newest_first)
                   < 0)
                return -1;
            clock = reading[0];
        } else if (clock >= 0) {
            if (best_at < clock)
                have_day = 0;   /* past midnight: the next, unnamed day */
            clock = best_at;
        } else {
            clock = reading[0];
        }
        prev = i;
        restated = 0;
        dated_alone = date_given(&s->date);
        if (s->n_dates > 1) {
            /* "Oct 25 - Nov 11": which day comes next is anyone's guess. */
            have_day = 0;
            clock = -1;
        }
    }
    return bad;
}

static int
check_order(bl_lint_ctx *lc, int rule, const tl_reader *r)
{
    const tl_stamp *e = r->entries.items;
    size_t n = r->entries.n, i;
    tl_reading how;
    long forward, backward;

    /* "14:30", "00:10" or "07:30" without am/pm: this timeline keeps a
     * 24-hour clock, so "2:05" is 02:05 and never 14:05. */
    how.twelve_hour = 1;
    for (i = 0; i < n; i++)
        if (e[i].has_time && e[i].is_24h)
            how.twelve_hour = 0;
    /* A timeline pasted from a status page runs newest first: check it
     * that way rather than flag every entry.  Which way a list runs does
     * not depend on the midnight setting, so it is decided with the
     * shorter way round the clock. */
    how.rollover = TL_DAY / 2;
    how.newest_first = 0;
    forward = walk_clock(lc, -1, e, n, &how);
    how.newest_first = 1;
    backward = walk_clock(lc, -1, e, n, &how);
    if (forward < 0 || backward < 0)
        return -1;
    how.newest_first = forward >= 2 && backward < forward;
    how.rollover = (int)bl_rules_int(lc->rules, "timeline.rollover-hours")
                   * 3600;
    return walk_clock(lc, rule, e, n, &how) < 0 ? -1 : 0;
}

/* --- timeline/no-timezone ------------------------------------------------ */

/* Does the front matter have a "timezone:" (or "tz = ...") key with a
 * value? */
static int
front_matter_zone(const bl_doc *doc)
{
    static const char *const keys[] = {"timezone", "time_zone", "time-zone",
                                       "tz", NULL};
    const char *f = doc->src + doc->fm_begin;
    size_t fn = doc->fm_end - doc->fm_begin, i, k;

    for (i = 0; i < fn; i++) {
        size_t j = i, len;
        if (i > 0 && f[i - 1] != '\n')
            continue;
        j = skip_blanks(f, fn, j);
        len = j < fn ? strspn(f + j, "abcdefghijklmnopqrstuvwxyz"
                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-") : 0;
        if (j + len > fn)
            len = fn - j;
        for (k = 0; keys[k] != NULL; k++) {
            size_t v;
            if (!word_is(f, j, len, keys[k]))
                continue;
            v = skip_blanks(f, fn, j + len);
            if (v >= fn || (f[v] != ':' && f[v] != '='))
                continue;
            v = skip_blanks(f, fn, v + 1);
            while (v < fn && (f[v] == '"' || f[v] == '\''))
                v++;
            if (v < fn && f[v] != '\n' && f[v] != '\r' && f[v] != '#')
                return 1;
        }
    }
    return 0;
}

/* Does the document say what zone all its times are in, outside its
 * timelines ("All times in this report are UTC.")? */
static int
document_zone(const bl_lint_ctx *lc, const int *tl_of)
{
    const bl_doc *doc = lc->doc;
    size_t i;

    if (doc->fm_end > doc->fm_begin && front_matter_zone(doc))
        return 1;
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n;
        const char *t;
        if (tl_of[i] >= 0)
            continue;
        t = bl_unit_text(doc, u, &n);
        if (speaks_of_times(t, n) && names_zone(lc->rules, t, n))
            return 1;
    }
    return 0;
}

/* Does the label of timeline tl, when a label names it, give the zone:
 * "**Timeline (UTC)**", "<summary>Timeline (UTC)</summary>"?  The text
 * of a bold label is a unit of the timeline and read with it; a summary
 * is HTML, which no unit holds. */
static int
label_names_zone(const bl_lint_ctx *lc, int tl)
{
    const bl_doc *doc = lc->doc;
    const bl_label_part *p;
    size_t pos;
    char text[128];
    long n;

    if (tl < (int)doc->sections.n)
        return 0;
    p = &lc->label_parts.items[tl - (int)doc->sections.n];
    pos = p->begin;
    while ((n = bl_doc_next_summary(doc, &pos, p->end, text,
                                    sizeof text)) >= 0)
        if (names_zone(lc->rules, text, (size_t)n))
            return 1;
    return 0;
}

static int
check_zone(bl_lint_ctx *lc, int rule, int tl, const tl_reader *r)
{
    size_t b, e;

    if (!r->timed || r->zone || label_names_zone(lc, tl))
        return 0;
    bl_lint_part_title(lc, tl, &b, &e);
    return bl_lint_report(lc, rule, b, e,
                          "The timeline gives times but not their time zone. "
                          "Say it once, in the heading (\"Timeline (UTC)\") "
                          "or a first line (\"All times UTC.\"), so readers "
                          "in other zones can line the entries up with logs "
                          "and with each other.", NULL);
}

/* Which timeline each unit is in, or -1: a Timeline section's outermost
 * enclosing Timeline (a "Detailed timeline" inside "Timeline" is part of
 * the same story), or a part a label names Timeline (bl_lint_part_of).
 * A part a label names another section, under a Timeline heading, is
 * none ("<details><summary>Action items" holds no entries).  The caller
 * frees it; NULL when out of memory. */
static int *
timelines_of_units(const bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    int *root_of = malloc((doc->sections.n + 1) * sizeof *root_of);
    int *tl_of = malloc((doc->units.n + 1) * sizeof *tl_of);
    int *part_of = bl_lint_part_of_blocks(lc, "timeline");
    size_t i;

    if (root_of == NULL || tl_of == NULL || part_of == NULL) {
        free(root_of);
        free(tl_of);
        free(part_of);
        return NULL;
    }
    for (i = 0; i < doc->sections.n; i++) {
        int p = doc->sections.items[i].parent;
        root_of[i] = p >= 0 && root_of[p] >= 0
                     ? root_of[p] : bl_lint_section_within(lc, (int)i,
                                                           "timeline");
    }
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        int tl = u->block >= 0 ? part_of[u->block] : -1;
        tl_of[i] = tl >= 0 && (size_t)tl < doc->sections.n
                   ? root_of[u->section] : tl;
    }
    free(root_of);
    free(part_of);
    return tl_of;
}

/* timelines_of_units, found by the first of the two rules that runs and
 * kept for the other (bl_lint_family_state), which frees it with the
 * run; NULL when out of memory. */
static int *
timelines_get(bl_lint_ctx *lc)
{
    int *tl_of = bl_lint_family_state(lc, "timeline");

    if (tl_of != NULL)
        return tl_of;
    if ((tl_of = timelines_of_units(lc)) == NULL
        || bl_lint_set_family_state(lc, "timeline", tl_of, free) < 0)
        return NULL;
    return tl_of;
}

/* --- The check ----------------------------------------------------------- */

int
bl_check_timeline(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    const bl_doc *doc = lc->doc;
    int order = strcmp(id, "timeline/out-of-order") == 0;
    /* Without zone names (a --rules directory with no Time-Zones:
     * stanza), "14:02 PT" would be told it names no zone. */
    int zone = strcmp(id, "timeline/no-timezone") == 0
               && lc->rules->has_zones;
    int *tl_of, doc_zone = -1, rc = 0;
    tl_reader r;
    size_t i;

    if (!order && !zone)
        return 0;
    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc
        || (doc->sections.n == 0 && lc->label_parts.n == 0))
        return 0;
    if ((tl_of = timelines_get(lc)) == NULL)
        return -1;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.rules = lc->rules;
    r.memo_of_unit = lc->memo_of_unit;
    r.for_order = order;
    for (i = 0; i < doc->units.n && rc == 0;) {
        int tl = tl_of[i];
        size_t end = i;
        if (tl < 0) {
            i++;
            continue;
        }
        /* A timeline's units, subsections included, are consecutive. */
        while (end < doc->units.n && tl_of[end] == tl)
            end++;
        rc = read_timeline(&r, i, end);
        if (rc == 0 && order)
            rc = check_order(lc, rule, &r);
        /* A second timeline goes on from the first ("Timeline
         * (continued)"), whose "All times UTC" the reader still has in
         * mind. */
        if (rc == 0 && zone && r.zone)
            doc_zone = 1;
        if (rc == 0 && zone && r.timed && !r.zone) {
            if (doc_zone < 0)
                doc_zone = document_zone(lc, tl_of);
            if (!doc_zone)
                rc = check_zone(lc, rule, tl, &r);
        }
        i = end;
    }
    BL_VEC_FREE(&r.entries);
    return rc;
}
