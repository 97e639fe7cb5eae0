#include "core/json_io.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <memory>
#include <vector>

#include <sys/stat.h>

namespace atlas {
namespace {
using json = nlohmann::json;

// Keeps valid UTF-8 sequences and replaces every other byte with '?': parse messages quote the
// bytes where parsing stopped, which may be the very bytes that were not UTF-8.
std::string sanitize_utf8(const std::string& in) {
    std::string out;
    for (std::size_t i = 0; i < in.size();) {
        const auto c = static_cast<unsigned char>(in[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = n > 0 && i + n <= in.size();
        for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
        if (ok) out.append(in, i, n), i += n;
        else out += '?', ++i;
    }
    return out;
}

// nlohmann's message for a failed parse, without its "[json.exception...] " prefix.
std::string parse_message(const nlohmann::detail::exception& ex) {
    std::string message = sanitize_utf8(ex.what());
    if (auto p = message.find("] "); p != std::string::npos) message = message.substr(p + 2);
    return message;
}

// Builds the document as nlohmann's own parser does (and keeps its message for a failed parse),
// except for the elements of the array that `stream` takes, if any: each is built on its own,
// handed over when complete, and dropped. (One parser for both: nlohmann's parser is a template,
// and each kind of builder costs the web build its own copy.)
class DocumentBuilder : public nlohmann::json_sax<json> {
public:
    DocumentBuilder(json& root, const RecordStream* stream, std::size_t items_at_most)
        : root_(root), stream_(stream), items_at_most_(items_at_most) {}
    std::string message;

    bool null() override { return value(nullptr); }
    bool boolean(bool v) override { return value(v); }
    bool number_integer(number_integer_t v) override { return value(v); }
    bool number_unsigned(number_unsigned_t v) override { return value(v); }
    bool number_float(number_float_t v, const string_t&) override { return value(v); }
    bool string(string_t& v) override { return value(std::move(v)); }
    bool binary(binary_t& v) override { return value(json::binary(std::move(static_cast<binary_t::container_type&>(v)))); }
    bool start_object(std::size_t) override {
        stack_.push_back(place(json::object()));
        return true;
    }
    bool key(string_t& k) override {
        slot_ = &(*stack_.back())[k];  // (a repeated key: the last value wins, as in nlohmann's parser)
        if (stack_.size() == 1) top_key_ = k;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override {
        json* array = place(json::array());
        if (stream_ && !taken_ && stack_.size() == 1 && stack_.back()->is_object() &&
            stream_->open(root_, top_key_, items_at_most_))
            streamed_ = array, taken_ = true;
        stack_.push_back(array);
        return true;
    }
    bool end_array() override {
        if (stack_.back() == streamed_) streamed_ = nullptr;
        return close();
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
        message = parse_message(ex);
        return false;
    }

private:
    // Puts a new value where the parse is: the root, the end of an array, an object's member, or
    // the streamed array's element being built.
    json* place(json&& v) {
        if (stack_.empty()) return &(root_ = std::move(v));
        json* parent = stack_.back();
        if (parent == streamed_) return &(element_ = std::move(v));
        if (parent->is_array()) return &parent->emplace_back(std::move(v));
        return &(*slot_ = std::move(v));
    }
    bool value(json&& v) {
        place(std::move(v));
        hand_over_if_done();
        return true;
    }
    bool close() {
        stack_.pop_back();
        hand_over_if_done();
        return true;
    }
    void hand_over_if_done() {  // an element of the streamed array is complete
        if (stack_.empty() || stack_.back() != streamed_) return;
        stream_->element(element_, index_++);
        element_ = nullptr;
    }

    json& root_;
    const RecordStream* stream_;
    std::size_t items_at_most_;
    std::vector<json*> stack_;  // the open arrays and objects, outermost first
    json* slot_ = nullptr;      // the member whose key came last
    std::string top_key_;       // the top-level object's member being parsed
    json* streamed_ = nullptr;  // the array whose elements are handed over, while it is parsed
    bool taken_ = false;        // (one array per file)
    json element_;
    std::size_t index_ = 0;
};

// The text's bytes one at a time, a piece fetched whenever one is used up: the input of nlohmann's
// parser (which reads a character at a time, through one instantiation for texts of both kinds).
class TextIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TextIterator(const JsonText& text, std::size_t at) : text_(&text), at_(at) { load(); }
    reference operator*() const { return *p_; }
    TextIterator& operator++() {
        if (++p_ == end_) at_ += std::size_t(end_ - begin_), load();
        return *this;
    }
    bool operator==(const TextIterator& other) const { return position() == other.position(); }
    bool operator!=(const TextIterator& other) const { return !(*this == other); }

private:
    std::size_t position() const { return at_ + std::size_t(p_ - begin_); }
    void load() {
        const std::string_view piece = text_->from(at_);
        if (piece.empty()) at_ = text_->size();  // (the end, or a fetch that failed: the parse ends there)
        p_ = begin_ = piece.data(), end_ = begin_ + piece.size();
    }
    const JsonText* text_;
    std::size_t at_;  // where the piece begins in the text
    const char *p_ = nullptr, *begin_ = nullptr, *end_ = nullptr;
};

}  // namespace

std::string_view JsonText::from(std::size_t at) const {
    if (at >= size_) return {};
    if (!fetch_) return whole_.substr(at);
    piece_.resize(std::min(kPieceBytes, size_ - at));
    piece_.resize(fetch_(at, piece_.data(), piece_.size()));
    return piece_;
}

// Commas at the second level, plus one for each array or object there. A scan of its own because
// nlohmann's depth callback makes its parser quadratic: after each object it walks the whole parent
// array looking for discarded values (50,000 records took 12 s in the browser).
JsonShape json_shape(const JsonText& text) {
    JsonShape shape;
    int depth = 0;
    bool in_string = false, escaped = false;
    text.for_each_piece([&](std::string_view piece) {
        for (const char c : piece) {
            if (in_string) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '[' || c == '{') {
                shape.depth = std::max(shape.depth, ++depth);
                shape.second_level_items += depth == 2;
            } else if (c == ']' || c == '}') {
                --depth;
            } else if (c == ',' && depth == 2) {
                ++shape.second_level_items;
            }
        }
    });
    return shape;
}

JsonDocument parse_json(const JsonText& text, int max_depth, const RecordStream* stream) {
    return parse_json(text, json_shape(text), max_depth, stream);
}

JsonDocument parse_json(const JsonText& text, const JsonShape& shape, int max_depth, const RecordStream* stream) {
    JsonDocument doc;
    if (shape.depth > max_depth) {
        doc.error = "nesting deeper than " + std::to_string(max_depth) + " levels";
        return doc;
    }
    DocumentBuilder builder(doc.value, stream, shape.second_level_items);
    if (!json::sax_parse(TextIterator(text, 0), TextIterator(text, text.size()), &builder)) {
        doc.value = nullptr;
        doc.error = builder.message.empty() ? "invalid JSON" : builder.message;
    }
    return doc;
}

std::string to_text(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string utf8_prefix(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // continuation byte
    return text.substr(0, end) + "...";
}

std::string too_large(std::size_t size, std::size_t limit) {
    return "file is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(limit);
}

FilePtr open_file(const std::string& path, std::size_t& size, std::string& error, std::size_t max_bytes) {
    // stat and C stdio, not <fstream>: the streams pull the locale machinery into the web build.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        error = "cannot open the file";
        return {nullptr, &std::fclose};
    }
    size = static_cast<std::size_t>(info.st_size);
    if (size > max_bytes) {
        error = too_large(size, max_bytes);
        return {nullptr, &std::fclose};
    }
    FilePtr in(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!in) error = "cannot open the file";
    return in;
}

bool read_file(const std::string& path, std::string& out, std::string& error, std::size_t max_bytes) {
    std::size_t size = 0;
    const FilePtr in = open_file(path, size, error, max_bytes);
    if (!in) return false;
    out.resize(size);
    if (std::fread(out.data(), 1, size, in.get()) != size) {
        error = "cannot read the file";
        return false;
    }
    return true;
}

}  // namespace atlas
