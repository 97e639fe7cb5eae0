// Loads the app's data files (assets/data/*.json, format in docs of tools/convert_data.py) into a
// Dataset. Bad records never stop the load: each becomes a Problem naming the file, the record and
// what is wrong, and every valid record still loads. A file that cannot be used at all is a Problem
// too, and its part of the Dataset stays empty.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace atlas {

struct Problem {
    enum class Severity { Error, Warning } severity = Severity::Error;
    std::string file, pointer, record, message;
    std::string to_string() const;  // "file: /cities/3 (mx-puebla): year: expected ..."
};

struct LoadResult {
    Dataset dataset;
    std::vector<Problem> problems;
    int error_count() const;
};

// Reads fields.json, networks.json, country_groups.json, cities.json and links.json from `dir`.
LoadResult load_dataset(const std::string& dir);

// Parse one document's text into `into`, by the file's base name; used by load_dataset and by
// callers that hold the text already (tests, fuzzers, files dropped on the page).
void load_document(const std::string& file_name, const std::string& text, Dataset& into,
                   std::vector<Problem>& problems);

int current_year();

}  // namespace atlas
