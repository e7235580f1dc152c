// Vault data (what the export form chose, bundle::selectForExport) as a KeePass database for
// core/kdbx's writer: one group per organisation under a root named after the app, entries without
// one in the root. A generic entry's title, login, secret, address and notes become KeePass's
// Title, UserName, Password, URL and Notes; any other kind's fields become custom fields named by
// their portal labels in `lang` (secret ones protected), with the entry's name as Title. validUntil
// becomes "Expires" (midnight UTC of that day), the history the entry's history, pictures kept from
// a KeePass import (unknown.kdbxPictures) its attachments again. UUIDs derive from the ids, so the
// same entry exported twice is the same KeePass entry.
#pragma once

#include "core/kdbx/database.h"
#include "core/strings.h"
#include "core/vault/model.h"

namespace ts::bundle {

kdbx::Database toKeePass(const vault::Data& chosen, Lang lang);

} // namespace ts::bundle
