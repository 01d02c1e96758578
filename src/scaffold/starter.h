// The starter files of `kaohe init`: a commented scheme in Chinese with
// every common rule kind, grades, a gate and a quota, and a data folder
// with the Chinese headers a clerk fills in and a few sample rows, so that
// `kaohe score scheme.yaml data` prints a ranked table at once and
// `kaohe check scheme.yaml data` finds nothing.
#pragma once

#include <vector>

#include "scaffold/scaffold_file.h"

namespace kaohe {

// scheme.yaml, data/units.csv, data/events.csv, data/measures.csv, in
// that order; the same bytes on every call.
std::vector<ScaffoldFile> starter_files();

}  // namespace kaohe
