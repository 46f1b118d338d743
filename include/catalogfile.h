/* catalogfile.h - read a catalog (the format of config/catalog.ini). */
#ifndef SCHAAP_CATALOGFILE_H
#define SCHAAP_CATALOGFILE_H

#include "catalog.h"
#include "error.h"

/* Load a catalog file. */
struct catalog *catalogfile_load(const char *path, struct error *err);

/* The catalog compiled into the binary from config/catalog.ini. */
struct catalog *catalogfile_builtin(struct error *err);

/* The builtin catalog's text. */
extern const char catalog_builtin_text[];
extern const unsigned long catalog_builtin_size;

#endif
