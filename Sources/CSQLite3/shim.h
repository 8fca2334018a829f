#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call. Turning memory statistics off removes the
// process-wide mutex SQLite otherwise takes on every allocation (contended between reader threads).
// Returns SQLITE_MISUSE when SQLite is already initialised; callers treat that as "too late, harmless".
static inline int rx_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
