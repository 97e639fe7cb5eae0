// Reading JSON that may be hostile: size-limited file reads and parsing without exceptions
// (exceptions are off in the wasm build) with nesting limited while parsing, because copying or
// dumping a deeply nested document recursively can abort the app.
#pragma once
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
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

// Takes the elements of one array member of the top-level object one at a time while the text is
// parsed, so that a file of records never has its whole parsed form in memory (about 8 times its
// text). `open` is called when an array member of the top-level object begins, with the members
// before it (and the array itself, empty) and at most how many elements it can have; it returns
// whether to take that array's elements. Taken elements go to `element` (which may take them apart)
// and never into the document, where the array stays empty.
struct RecordStream {
    std::function<bool(const nlohmann::json& head, const std::string& key, std::size_t at_most)> open;
    std::function<void(nlohmann::json& element, std::size_t index)> element;
};

// The deepest nesting of arrays and objects in a JSON text, and at most how many values the arrays
// and objects at its second level hold (a data file's records, at most): one scan, strings skipped.
struct JsonShape {
    int depth = 0;
    std::size_t second_level_items = 0;
};
JsonShape json_shape(std::string_view text);

JsonDocument parse_json(std::string_view text, int max_depth = kMaxJsonDepth, const RecordStream* stream = nullptr);
// The same, for a text whose shape was scanned already.
JsonDocument parse_json(std::string_view text, const JsonShape& shape, int max_depth = kMaxJsonDepth,
                        const RecordStream* stream = nullptr);
// JSON text for output. Messages may quote bytes of a broken file; invalid UTF-8 is replaced
// (U+FFFD) instead of aborting, which is what nlohmann does without exceptions.
std::string to_text(const nlohmann::json& value, int indent = -1);
// At most `max_bytes` of `text`, never cutting a UTF-8 sequence in two; "..." if shortened.
std::string utf8_prefix(const std::string& text, std::size_t max_bytes);

// "file is N bytes, more than the limit of M", for a file refused for its size before it is read
// (the loader says the same with its translatable template).
std::string too_large(std::size_t size, std::size_t limit = kMaxDataFileBytes);
// Reads a whole file; false with a message if missing, unreadable or larger than max_bytes.
bool read_file(const std::string& path, std::string& out, std::string& error,
               std::size_t max_bytes = kMaxDataFileBytes);

}  // namespace atlas
