#include "core/json_io.h"

#include <algorithm>
#include <cstdio>
#include <memory>

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

// Runs only after a failed parse, to recover nlohmann's message with its position.
struct ErrorCatcher : nlohmann::json_sax<json> {
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
        message = sanitize_utf8(ex.what());
        if (auto p = message.find("] "); p != std::string::npos) message = message.substr(p + 2);
        return false;
    }
};

// The deepest nesting of arrays and objects, strings skipped. A scan of its own because nlohmann's
// depth callback makes its parser quadratic: after each object it walks the whole parent array
// looking for discarded values (50,000 records took 12 s in the browser).
int nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}
}  // namespace

JsonDocument parse_json(std::string_view text, int max_depth) {
    JsonDocument doc;
    if (nesting_depth(text) > max_depth) {
        doc.error = "nesting deeper than " + std::to_string(max_depth) + " levels";
        return doc;
    }
    doc.value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.value.is_discarded()) {
        doc.value = nullptr;
        ErrorCatcher catcher;
        json::sax_parse(text.begin(), text.end(), &catcher);
        doc.error = catcher.message.empty() ? "invalid JSON" : catcher.message;
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

bool read_file(const std::string& path, std::string& out, std::string& error, std::size_t max_bytes) {
    // stat and C stdio, not <fstream>: the streams pull the locale machinery into the web build.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        error = "cannot open the file";
        return false;
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size > max_bytes) {
        error = too_large(size, max_bytes);
        return false;
    }
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!in) {
        error = "cannot open the file";
        return false;
    }
    out.resize(size);
    if (std::fread(out.data(), 1, size, in.get()) != size) {
        error = "cannot read the file";
        return false;
    }
    return true;
}

}  // namespace atlas
