// Reading the records of a data file (core/dataset_loader.h, core/tour.h): each member that is
// missing or wrong becomes a Problem naming the file, the record and what is wrong, worded as an
// English template so that the panels can say it in the person's language.
#pragma once
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dataset_loader.h"
#include "core/json_io.h"
#include "core/record_index.h"

namespace atlas::records {
using json = nlohmann::json;
using Args = std::vector<std::pair<std::string, std::string>>;

inline const char* type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

// Reads the members of one JSON object, recording a Problem for each that is missing or wrong.
class RecordReader {
public:
    RecordReader(const json& obj, std::vector<Problem>& problems, const std::string& file, std::string pointer)
        : obj_(obj), problems_(problems), file_(file), pointer_(std::move(pointer)) {
        if (!obj_.is_object()) fail("", "expected an object, got {got}", {{"got", type_name(obj_)}});
    }
    // (`file` is kept by reference: a temporary would be gone before the reader's problems are.)
    RecordReader(const json&, std::vector<Problem>&, std::string&&, std::string) = delete;
    bool ok() const { return ok_; }
    void set_record(std::string id) { record_ = std::move(id); }
    // For a reader of a member object (nested records report to the same list, under this record).
    std::vector<Problem>& problems() { return problems_; }
    const std::string& file() const { return file_; }
    const std::string& record() const { return record_; }
    std::string pointer_to(const char* key) const { return pointer_ + "/" + key; }
    void invalidate() { ok_ = false; }  // a nested record failed

    // `text` is an English template with {placeholders}, filled from `args` (see Problem).
    void fail(const std::string& key, const std::string& text, Args args = {}, bool warning = false) {
        if (!warning) ok_ = false;
        const std::string message = fill_template(text, args);
        Problem p{warning ? Problem::Severity::Warning : Problem::Severity::Error, file_,
                  key.empty() ? pointer_ : pointer_ + "/" + key, record_, key.empty() ? message : key + ": " + message};
        p.member = key, p.text = text, p.args = std::move(args);
        problems_.push_back(std::move(p));
    }

    const json* get(const char* key, bool required) {
        if (!obj_.is_object()) return nullptr;
        auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) {
            if (required) fail(key, "missing (required)");
            return nullptr;
        }
        return &*it;
    }

    std::string str(const char* key, bool required = true) {
        const json* v = get(key, required);
        if (!v) return {};
        if (!v->is_string()) {
            fail(key, "expected a string, got {got}", {{"got", type_name(*v)}});
            return {};
        }
        const auto& text = v->get_ref<const std::string&>();
        if (required && text.empty()) fail(key, "must not be empty");
        if (text.size() > kMaxStringLength) {
            fail(key, "is {n} characters long, more than the limit of {limit}",
                 {{"n", std::to_string(text.size())}, {"limit", std::to_string(kMaxStringLength)}});
            return {};
        }
        return text;
    }

    // Ids appear in links and deep links: lower-case ASCII letters, digits and - : . _ only.
    std::string id(const char* key = "id") {
        std::string text = str(key);
        const bool ok = text.size() <= 160 && std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.' || c == '_';
        });
        if (!ok) {
            fail(key, "expected lower-case letters, digits and - : . _ (at most 160), got \"{got}\"", {{"got", utf8_prefix(text, 60)}});
            return {};
        }
        return text;
    }

    double number(const char* key, double lo, double hi, bool required = true) {
        const json* v = get(key, required);
        if (!v) return 0;
        if (!v->is_number()) {
            fail(key, "expected a number in {range}, got {got}", {{"range", range(lo, hi)}, {"got", type_name(*v)}});
            return 0;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) {
            fail(key, "expected a number in {range}, got {got}", {{"range", range(lo, hi)}, {"got", v->dump()}});
            return 0;
        }
        return d;
    }

    int integer(const char* key, int lo, int hi, bool required = true) {
        const json* v = get(key, required);
        if (!v) return 0;
        if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi) {
            fail(key, "expected an integer in {range}, got {got}", {{"range", range(lo, hi)}, {"got", limited_dump(*v)}});
            return 0;
        }
        return v->get<int>();
    }

    const json* array(const char* key, bool required = true) {
        const json* v = get(key, required);
        if (v && !v->is_array()) {
            fail(key, "expected an array, got {got}", {{"got", type_name(*v)}});
            return nullptr;
        }
        if (v && v->size() > kMaxRecordsPerFile) {
            fail(key, "has {n} entries, more than the limit of {limit}",
                 {{"n", std::to_string(v->size())}, {"limit", std::to_string(kMaxRecordsPerFile)}});
            return nullptr;
        }
        return v;
    }

    std::vector<std::string> strings(const char* key) {
        std::vector<std::string> out;
        const json* arr = array(key, false);
        for (std::size_t i = 0; arr && i < arr->size(); ++i) {
            if ((*arr)[i].is_string()) out.push_back(utf8_prefix((*arr)[i].get<std::string>(), kMaxStringLength));
            else fail(key, "entry {i}: expected a string, got {got}", {{"i", std::to_string(i)}, {"got", type_name((*arr)[i])}});
        }
        return out;
    }

    std::vector<Source> sources(const char* key = "sources") {
        std::vector<Source> out;
        const json* arr = array(key, false);
        if (!arr) return out;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            RecordReader r((*arr)[i], problems_, file_, pointer_ + "/" + key + "/" + std::to_string(i));
            r.set_record(record_);
            Source s{r.str("url", false), r.str("note", false)};
            r.only({"url", "note"});
            if (s.url.empty() && s.note.empty()) r.fail("", "a source needs a url or a note");
            if (r.ok()) out.push_back(std::move(s));
            else ok_ = false;
        }
        return out;
    }

    // Unknown members are warnings: the record still loads, the typo is reported.
    void only(std::initializer_list<std::string_view> known) {
        if (!obj_.is_object()) return;
        for (auto it = obj_.begin(); it != obj_.end(); ++it) {
            const std::string_view key = it.key();
            const bool found = std::find(known.begin(), known.end(), key) != known.end();
            if (!found) fail(it.key(), "unknown field (ignored)", {}, /*warning=*/true);
        }
    }

private:
    static std::string range(double lo, double hi) {
        auto f = [](double d) { return d == std::floor(d) ? std::to_string((long long)d) : std::to_string(d); };
        return f(lo) + ".." + f(hi);
    }
    static std::string limited_dump(const json& v) {
        return v.is_structured() ? type_name(v) : utf8_prefix(to_text(v), 40);
    }
    const json& obj_;
    std::vector<Problem>& problems_;
    const std::string& file_;  // (the caller's: a reader lives while its file is read; not copied for each record)
    std::string pointer_, record_;
    bool ok_ = true;
};


// Reads the top-level object and its one array of records (the format was checked already).
inline const json* records(const json& doc, const std::string& file, const char* key, std::vector<Problem>& problems) {
    RecordReader top(doc, problems, file, "");
    if (!top.ok()) return nullptr;
    top.integer("version", 1, 1);
    const json* arr = top.array(key);
    top.only({"format", "version", "palette", key});
    return top.ok() ? arr : nullptr;
}

inline std::string pointer(const char* key, std::size_t i) { return std::string("/") + key + "/" + std::to_string(i); }

// A record from a later file replaces the record with the same id from an earlier file; a new id
// is added. So a file with a few new or corrected records can be dropped over the bundled data.
// What it did can be undone (a file found broken after some of its records went in).
template <class T>
class Upserter {
public:
    // `index` covers the first index.size() records (those indexed by the kind's earlier files).
    Upserter(std::vector<T>& records, RecordIndex& index) : records_(records), index_(index), size_before_(records.size()) {
        for (std::size_t i = index_.size(); i < records.size(); ++i) index_.emplace(records[i].id, i);
    }
    // Adds `record` (moved from), or puts it in place of an earlier file's record with its id. False,
    // and `record` left as it was, when a record with its id came from this file already.
    bool operator()(T& record) {
        auto [it, added] = index_.emplace(record.id, records_.size());
        if (added) {
            records_.push_back(std::move(record));
            return true;
        }
        const std::size_t at = it->second;
        if (at >= size_before_ || (!replaced_here_.empty() && replaced_here_[at])) return false;
        if (replaced_here_.empty()) replaced_here_.assign(size_before_, false);
        replaced_here_[at] = true;
        replaced_.emplace_back(at, std::move(records_[at]));
        records_[at] = std::move(record);
        return true;
    }
    // Room in the index for `more` ids, made once: grown id by id, it was rehashed a dozen times at
    // 100,000 cities.
    void expect(std::size_t more) { index_.reserve(index_.size() + more); }
    void undo() {
        for (auto r = replaced_.rbegin(); r != replaced_.rend(); ++r) records_[r->first] = std::move(r->second);
        for (std::size_t i = size_before_; i < records_.size(); ++i) index_.erase(records_[i].id);
        records_.erase(records_.begin() + std::ptrdiff_t(size_before_), records_.end());
        replaced_.clear();
        replaced_here_.clear();
    }

private:
    std::vector<T>& records_;
    RecordIndex& index_;
    std::size_t size_before_;
    std::vector<std::pair<std::size_t, T>> replaced_;  // the earlier files' records this one replaced
    std::vector<bool> replaced_here_;                  // (by position; made at the first replacement)
};

// Takes the records of one file one at a time, from its parsed form or while it is parsed
// (RecordStream): each record's parsed form can go once it is read, and the model's records take
// its place, so the memory's high-water mark is the text and the model, not the parsed file too.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual void expect(std::size_t at_most) = 0;             // records to come, at most (room is made for them)
    virtual void add(json& record, std::size_t index) = 0;    // (may take the parsed form apart)
    // The file was read to its end: its problems are reported. Returns how many records loaded.
    virtual std::size_t finish(std::vector<Problem>& problems) = 0;
    virtual void undo() = 0;  // the file turned out unusable: the data is as before its first record
};

// The records of the array `key` of a file into `into` (indexed by `index`): `parse` fills each
// record (its id is read first), ids must be unique within the file, and records merge by id with
// earlier files (Upserter).
template <class T, class Parse>
class RecordsInto final : public RecordSink {
public:
    RecordsInto(std::string file, const char* key, const char* noun, std::vector<T>& into, RecordIndex& index, Parse parse)
        : file_(std::move(file)), key_(key), noun_(noun), into_(into), parse_(std::move(parse)), upsert_(into, index) {}
    void expect(std::size_t at_most) override {
        into_.reserve(into_.size() + at_most);  // (doubling would hold up to twice the records)
        upsert_.expect(at_most);
    }
    void add(json& record, std::size_t index) override {
        RecordReader r(record, problems_, file_, pointer(key_, index));
        T out;
        out.id = r.id();
        r.set_record(out.id);
        parse_(r, out, index);
        if (!r.ok()) return;
        if (upsert_(out)) ++loaded_;
        else r.fail("id", "duplicate {kind} id \"{id}\"", {{"kind", noun_}, {"id", out.id}});
    }
    std::size_t finish(std::vector<Problem>& problems) override {
        problems.insert(problems.end(), std::make_move_iterator(problems_.begin()), std::make_move_iterator(problems_.end()));
        problems_.clear();
        return loaded_;
    }
    void undo() override { upsert_.undo(); }

private:
    std::string file_;
    const char* key_;
    const char* noun_;
    std::vector<T>& into_;
    Parse parse_;
    Upserter<T> upsert_;
    std::vector<Problem> problems_;  // reported by finish, in the order found
    std::size_t loaded_ = 0;
};

template <class T, class Parse>
std::unique_ptr<RecordSink> records_into(std::string file, const char* key, const char* noun, std::vector<T>& into,
                                         RecordIndex& index, Parse parse) {
    return std::make_unique<RecordsInto<T, Parse>>(std::move(file), key, noun, into, index, std::move(parse));
}

// Reads a whole parsed file's array `key` into `sink`, freeing each record once it is read.
inline std::size_t load_parsed(json& doc, const std::string& file, const char* key, RecordSink& sink,
                               std::vector<Problem>& problems) {
    if (!records(doc, file, key, problems)) return 0;
    json& arr = doc[key];
    sink.expect(arr.size());
    for (std::size_t i = 0; i < arr.size(); ++i) {
        sink.add(arr[i], i);
        arr[i] = nullptr;
    }
    return sink.finish(problems);
}

// load_parsed into a sink made for the purpose.
template <class T, class Parse>
std::size_t load_records(json& doc, const std::string& file, const char* key, const char* noun,
                         std::vector<T>& into, std::vector<Problem>& problems, Parse parse) {
    RecordIndex index;
    RecordsInto<T, Parse> sink(file, key, noun, into, index, std::move(parse));
    return load_parsed(doc, file, key, sink, problems);
}

}  // namespace atlas::records
