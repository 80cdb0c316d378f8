#ifndef DCHAIN_CLIBPQ_SHIM_H
#define DCHAIN_CLIBPQ_SHIM_H
#include <libpq-fe.h>

/* The PG_DIAG_* field codes are character macros Swift does not import. */
static const int DC_PG_DIAG_SEVERITY = 'S';
static const int DC_PG_DIAG_SQLSTATE = 'C';
static const int DC_PG_DIAG_MESSAGE_PRIMARY = 'M';
static const int DC_PG_DIAG_MESSAGE_DETAIL = 'D';
static const int DC_PG_DIAG_MESSAGE_HINT = 'H';
static const int DC_PG_DIAG_CONSTRAINT_NAME = 'n';
static const int DC_PG_DIAG_COLUMN_NAME = 'c';
static const int DC_PG_DIAG_TABLE_NAME = 't';
#endif
