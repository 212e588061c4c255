/* tally-window-foreign.c: the window's offer to drop what Tally did not
 * make from the user's own database.
 *
 * When the user's own database is refused because it holds a view,
 * trigger, index or table that Tally did not make (or one of Tally's
 * indexes defined otherwise), the window shows why, as for any file, and
 * asks whether to drop each object it names.  Drop mends the file in one
 * transaction and opens it again; Cancel leaves it untouched and the
 * reason on screen.  A file from elsewhere is never offered this: it stays
 * refused with its message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tally-database.h"
#include "tally-window-private.h"

typedef struct
{
  TallyWindow *window;   /* weak */
  char        *path;
  GStrv        objects;
} Offer;

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  g_clear_weak_pointer (&offer->window);
  g_free (offer->path);
  g_strfreev (offer->objects);
  g_free (offer);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Offer *offer = user_data;
  g_autoptr(GError) error = NULL;

  if (offer->window == NULL || !g_str_equal (response, "drop"))
    return;

  if (!tally_database_drop_foreign_objects (offer->path, (const char * const *) offer->objects, &error))
    {
      _tally_window_toast (offer->window, error->message);
      return;
    }

  if (tally_window_open_database (offer->window, offer->path))
    _tally_window_toast (offer->window, _("Dropped what Tally did not make; your results are back"));
}

static void
present_when_mapped (GtkWindow *dialog)
{
  TallyWindow *window = TALLY_WINDOW (gtk_window_get_transient_for (dialog));

  g_signal_handlers_disconnect_by_func (window, present_when_mapped, dialog);
  gtk_window_present (dialog);
}

/**
 * _tally_window_offer_drop:
 * @path: the file the window could not open
 *
 * Asks whether to drop what Tally did not make from @path when it is the
 * user's own database and dropping would mend it; does nothing otherwise.
 *
 * Returns: (transfer none) (nullable): the dialog asking, if any
 */
GtkWindow *
_tally_window_offer_drop (TallyWindow *self,
                          const char  *path)
{
  g_autoptr(GString) body = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) objects = NULL;
  AdwMessageDialog *dialog;
  Offer *offer;

  if (!tally_database_is_own_path (path) ||
      !(objects = tally_database_find_foreign_objects (path, NULL)) || objects[0] == NULL)
    return NULL;

  name = g_filename_display_basename (path);
  body = g_string_new (NULL);
  g_string_printf (body, _("Your database “%s” holds SQL that Tally did not make, and Tally runs no SQL from "
                           "elsewhere. Dropping it lets Tally open your results again; no result is lost:"),
                   name);
  for (guint i = 0; objects[i] != NULL; i++)
    {
      g_autofree char *object = tally_database_describe_object (objects[i]);

      g_string_append_printf (body, "\n• %s", object);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Drop What Tally Did Not Make?"),
                                                       body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "drop", _("_Drop"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "drop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  offer = g_new0 (Offer, 1);
  g_set_weak_pointer (&offer->window, self);
  offer->path = g_strdup (path);
  offer->objects = g_steal_pointer (&objects);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), offer,
                         (GClosureNotify) (void (*) (void)) offer_free, 0);

  /* At startup the database opens before the window is shown: a dialog
   * shown first would be mapped under its parent where no window manager
   * keeps it above. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_signal_connect_object (self, "map", G_CALLBACK (present_when_mapped), dialog, G_CONNECT_SWAPPED);
  return GTK_WINDOW (dialog);
}
