#ifndef TTHC_CLMDB_SHIM_H
#define TTHC_CLMDB_SHIM_H
#include <lmdb.h>
#endif
