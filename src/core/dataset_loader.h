// Loads the app's data files (assets/data/*.json; format in docs/data-format.md and
// docs/atlas-data.schema.json) into a Dataset. Bad records never stop the load: each becomes a Problem naming the file, the record and
// what is wrong, and every valid record still loads. A file that cannot be used at all is a Problem
// too, and its part of the Dataset stays empty.
#pragma once
#include <string>
#include <vector>

#include "core/json_io.h"
#include "core/model.h"

namespace atlas {

struct Problem {
    enum class Severity { Error, Warning } severity = Severity::Error;
    std::string file, pointer, record, message;  // message: in English, with the member first ("year: ...")
    // The same message as a template and its values, so that the panel can say it in the person's
    // language ("expected an integer in {range}, got {got}"); empty for messages of other libraries.
    std::string member, text;
    std::vector<std::pair<std::string, std::string>> args;

    Problem() = default;
    Problem(Severity s, std::string file_, std::string pointer_, std::string record_, std::string message_)
        : severity(s), file(std::move(file_)), pointer(std::move(pointer_)), record(std::move(record_)), message(std::move(message_)) {}
    std::string to_string() const;  // "file: /cities/3 (mx-puebla): year: expected ..."
    // The same with another wording of the message (a translation) and of "warning".
    std::string to_string(const std::string& message_text, const std::string& warning_word) const;
};
// Fills {name} placeholders of an English template with their values.
std::string fill_template(const std::string& text, const std::vector<std::pair<std::string, std::string>>& args);

struct LoadResult {
    Dataset dataset;
    std::vector<Problem> problems;
    // Files that could not be used at all (unreadable, not JSON, not an atlas data file, or
    // without one valid record): the data stayed as it was.
    std::vector<std::string> rejected;
    int error_count() const;
};

// One data file: its name as the user knows it, and its text, or (in the browser, for the user's
// files) its size and where to fetch it from (see JsonText), `text` then empty.
struct DataFile {
    std::string name, text;
    std::size_t size_elsewhere = 0;
    JsonText::Fetch fetch{};

    JsonText json_text() const { return fetch ? JsonText(size_elsewhere, fetch) : JsonText(text); }
    std::size_t size() const { return fetch ? size_elsewhere : text.size(); }
};

// Limits, documented in docs/data-format.md.
constexpr std::size_t kMaxRecordsPerFile = 100000;
constexpr std::size_t kMaxStringLength = 20000;

// Loads data files of any names; each file says what it holds in its "format" member
// ("atlas-sur/cities", ...). Files of the same kind merge in order: a record replaces the record
// with the same id from an earlier file, a new id is added. So a spreadsheet export with a few new
// or corrected cities can be loaded over the bundled data, and nothing else is lost.
// The files of `then` come after those of `first`.
LoadResult load_files(const std::vector<DataFile>& first, const std::vector<DataFile>& then = {});

// The five files of a data folder (fields, networks, country_groups, cities, links .json);
// a file that cannot be read becomes a Problem.
std::vector<DataFile> read_data_dir(const std::string& dir, std::vector<Problem>& problems);

// The tour files of a folder (assets/tours/*.json), in name order; none is not a problem.
std::vector<DataFile> read_tours_dir(const std::string& dir, std::vector<Problem>& problems);

// Reads files given by path (dropped, --load, --check-data); unreadable ones become Problems.
std::vector<DataFile> read_data_files(const std::vector<std::string>& paths, std::vector<Problem>& problems);

// read_data_dir + load_files, with `overrides` loaded over the folder's files.
LoadResult load_dataset(const std::string& dir, const std::vector<DataFile>& overrides = {});

// The validator behind `atlas --check-data`: the given files, checked together with the files of
// `base_dir` for the kinds they do not provide (links need cities, cities need fields, ...).
LoadResult check_data_files(const std::vector<std::string>& paths, const std::string& base_dir);

int current_year();

}  // namespace atlas
