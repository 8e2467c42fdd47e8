#ifndef WEAKTIES_CGRAPHVIZ_SHIM_H
#define WEAKTIES_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
