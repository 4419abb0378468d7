/*
 * mermaid.h: the node labels of a Mermaid flowchart in a fenced code
 * block (```mermaid), which prose never holds.
 */
#ifndef BL_MERMAID_H
#define BL_MERMAID_H

#include "doc.h"

/* Called with the source span [begin, end) of one node label; a non-zero
 * return stops the walk and is passed back. */
typedef int (*bl_mermaid_label_fn)(size_t begin, size_t end, void *ud);

/* When block `block` of doc is a Mermaid flowchart (a code block fenced
 * with the info string "mermaid", its first statement "flowchart" or
 * "graph"), calls fn for each node label in source order ("A[Alert
 * fires]", "B{Triage}", "C([Post updates])", "D((\"Resolve\"))", a bare
 * subgraph title).  Returns fn's first non-zero result, else 0 (also for
 * any other block).  Edge labels ("-->|yes|") are not node labels.  Reads
 * only the source: labels are spans of it. */
int bl_mermaid_labels(const bl_doc *doc, size_t block, bl_mermaid_label_fn fn,
                      void *ud);

#endif
