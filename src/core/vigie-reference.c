/* Temporary: replaced by the reference-data loader in this session. */
#include "vigie-reference.h"

gboolean
vigie_reference_load (sqlite3  *db,
                      GError  **error)
{
  return TRUE;
}
