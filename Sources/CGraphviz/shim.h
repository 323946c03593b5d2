#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 rejects the mutable C globals Agdirected/Agundirected as not concurrency-safe;
// these accessors hand out copies instead.
static inline Agdesc_t actorgraph_directed(void) { return Agdirected; }
static inline Agdesc_t actorgraph_undirected(void) { return Agundirected; }
#endif
