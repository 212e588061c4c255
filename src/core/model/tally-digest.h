/* tally-digest.h: a 64-bit digest of numbers and strings, to tell what changed.
 *
 * Not a cryptographic hash: a multiply-and-rotate mix of 64-bit words (as
 * in wyhash and xxHash), for telling cheaply whether figures read again
 * are the ones read before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

static inline guint64
tally_digest_word (guint64 digest,
                   guint64 word)
{
  digest ^= word * 0x9E3779B97F4A7C15ULL;
  digest = (digest << 31) | (digest >> 33);
  return digest * 0xBF58476D1CE4E5B9ULL;
}

static inline guint64
tally_digest_bytes (guint64       digest,
                    gconstpointer bytes,
                    gsize         length)
{
  const guint8 *p = bytes;
  guint64 word;

  if (bytes == NULL)
    return tally_digest_word (digest, 0);

  for (; length >= sizeof word; p += sizeof word, length -= sizeof word)
    {
      memcpy (&word, p, sizeof word);
      digest = tally_digest_word (digest, word);
    }
  word = length;
  memcpy (&word, p, length);
  return tally_digest_word (digest, word);
}

static inline guint64
tally_digest_string (guint64     digest,
                     const char *text)
{
  return text != NULL ? tally_digest_bytes (digest, text, strlen (text) + 1) : tally_digest_word (digest, 1);
}

G_END_DECLS
