// mbedtls 2.28 built with only what KeePass files need (scripts/setup.sh fetches the Debian source
// package; CMakeLists.txt compiles these modules into ts_kdbx_deps with MBEDTLS_CONFIG_FILE set to
// this header): AES-256 (CBC for the payload, single blocks for AES-KDF), SHA-256, SHA-512 and
// HMAC-SHA-256 through the message-digest layer. Nothing else of the library is compiled in.
#pragma once

#define MBEDTLS_AES_C
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA512_C
#define MBEDTLS_MD_C
// Tables computed once at start-up would be a mutable global; ROM tables are constant data.
#define MBEDTLS_AES_ROM_TABLES

#include "mbedtls/check_config.h"
