// Reading JSON that may be hostile: size-limited file reads and parsing without exceptions
// (exceptions are off in the wasm build) with nesting limited while parsing, because copying or
// dumping a deeply nested document recursively can abort the app.
#pragma once
#include <nlohmann/json.hpp>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace atlas {

constexpr int kMaxJsonDepth = 64;
constexpr std::size_t kMaxDataFileBytes = 16u << 20;

struct JsonDocument {
    nlohmann::json value;
    std::string error;  // empty when the text parsed; otherwise says where and what
    bool ok() const { return error.empty(); }
};

JsonDocument parse_json(std::string_view text, int max_depth = kMaxJsonDepth);

// A data file is parsed twice, never whole: its parsed form is about 8 times its text, and holding
// it set the memory's high-water mark (10,000 cities: 12 MB). parse_json_shallow checks all of it
// but keeps its arrays of records (top-level members named in `record_keys`) only as that many
// nulls, so that a loader sees their size; for_each_record then parses their elements one at a
// time, each freed once the loader has read it. A record array named twice is an error (which one
// a parsed object keeps is the parser's choice).
JsonDocument parse_json_shallow(std::string_view text, std::initializer_list<std::string_view> record_keys);
// Calls `each(element, index)` for the elements of the top-level array `key` of `text` (which
// parse_json_shallow accepted).
void for_each_record(std::string_view text, std::string_view key,
                     const std::function<void(nlohmann::json&, std::size_t)>& each);
// JSON text for output. Messages may quote bytes of a broken file; invalid UTF-8 is replaced
// (U+FFFD) instead of aborting, which is what nlohmann does without exceptions.
std::string to_text(const nlohmann::json& value, int indent = -1);
// At most `max_bytes` of `text`, never cutting a UTF-8 sequence in two; "..." if shortened.
std::string utf8_prefix(const std::string& text, std::size_t max_bytes);

// Reads a whole file; false with a message if missing, unreadable or larger than max_bytes.
bool read_file(const std::string& path, std::string& out, std::string& error,
               std::size_t max_bytes = kMaxDataFileBytes);

}  // namespace atlas
