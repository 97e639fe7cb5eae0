// Reading JSON that may be hostile: size-limited file reads and parsing without exceptions
// (exceptions are off in the wasm build) with nesting limited while parsing, because copying or
// dumping a deeply nested document recursively can abort the app.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
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

// A text to parse where it lies: in this memory (a view of it), or elsewhere, fetched a piece at a
// time. In the browser the user's data files stay in the page's memory, which can shrink again:
// WebAssembly memory keeps its highest level for good, and copied in whole the texts set that level
// (2.5 MB of the 7.8 MB of a page with 10,000 cities).
class JsonText {
public:
    // Copies at most `n` bytes from `at` into `out`; returns how many (0: none are there).
    using Fetch = std::function<std::size_t(std::size_t at, char* out, std::size_t n)>;
    static constexpr std::size_t kPieceBytes = 64u << 10;

    // (Implicit, from any text in memory.)
    JsonText(std::string_view whole) : whole_(whole), size_(whole.size()) {}
    JsonText(const std::string& whole) : JsonText(std::string_view(whole)) {}
    JsonText(const char* whole) : JsonText(std::string_view(whole)) {}
    JsonText(std::size_t size, Fetch fetch) : size_(size), fetch_(std::move(fetch)) {}
    std::size_t size() const { return size_; }
    // The bytes from `at` on: all of them in memory, the next piece (at most kPieceBytes) fetched.
    // Empty only at the end (or a fetch that failed); valid until the next call.
    std::string_view from(std::size_t at) const;
    // Calls f(piece) for each piece in order, until `up_to` bytes (the last piece may go past it)
    // or the end.
    template <class F>
    void for_each_piece(F&& f, std::size_t up_to = std::string_view::npos) const {
        for (std::size_t at = 0; at < std::min(size_, up_to);) {
            const std::string_view piece = from(at);
            if (piece.empty()) return;  // (a fetch that failed)
            at += piece.size();
            f(piece);
        }
    }

private:
    std::string_view whole_;
    std::size_t size_ = 0;
    Fetch fetch_;
    mutable std::string piece_;
};

// The deepest nesting of arrays and objects in a JSON text, and at most how many values the arrays
// and objects at its second level hold (a data file's records, at most): one scan, strings skipped.
struct JsonShape {
    int depth = 0;
    std::size_t second_level_items = 0;
};
JsonShape json_shape(const JsonText& text);

JsonDocument parse_json(const JsonText& text, int max_depth = kMaxJsonDepth, const RecordStream* stream = nullptr);
// The same, for a text whose shape was scanned already.
JsonDocument parse_json(const JsonText& text, const JsonShape& shape, int max_depth = kMaxJsonDepth,
                        const RecordStream* stream = nullptr);
// JSON text for output. Messages may quote bytes of a broken file; invalid UTF-8 is replaced
// (U+FFFD) instead of aborting, which is what nlohmann does without exceptions.
std::string to_text(const nlohmann::json& value, int indent = -1);
// At most `max_bytes` of `text`, never cutting a UTF-8 sequence in two; "..." if shortened.
std::string utf8_prefix(const std::string& text, std::size_t max_bytes);

// "file is N bytes, more than the limit of M", for a file refused for its size before it is read
// (the loader says the same with its translatable template).
std::string too_large(std::size_t size, std::size_t limit = kMaxDataFileBytes);
// A file opened for reading, its size in `size` (null with a message if missing, unreadable or
// larger than max_bytes).
using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
FilePtr open_file(const std::string& path, std::size_t& size, std::string& error,
                  std::size_t max_bytes = kMaxDataFileBytes);
// Reads a whole file; false with a message if missing, unreadable or larger than max_bytes.
bool read_file(const std::string& path, std::string& out, std::string& error,
               std::size_t max_bytes = kMaxDataFileBytes);

}  // namespace atlas
