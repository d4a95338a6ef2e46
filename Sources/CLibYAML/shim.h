/* The system libyaml (Debian: libyaml-dev), whose parser events the questionnaire and
 * kiosk loaders read directly (Sources/IntakeCore/Loading/YAMLTreeBuilder.swift).
 * Only IntakeCore imports this module. */
#ifndef CLIBYAML_SHIM_H
#define CLIBYAML_SHIM_H
#include <yaml.h>
#endif
