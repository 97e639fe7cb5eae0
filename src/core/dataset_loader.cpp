#include "core/dataset_loader.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "core/color.h"
#include "core/json_io.h"

namespace atlas {
using Args = std::vector<std::pair<std::string, std::string>>;
namespace {
using json = nlohmann::json;

constexpr int kFirstCreativeYear = 2004;
constexpr int kFirstHeritageYear = 1978;  // first World Heritage inscriptions
constexpr int kFirstLinkYear = 1900;      // twinnings and the partners they bring

const char* type_name(const json& v) {
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
    RecordReader(const json& obj, std::vector<Problem>& problems, std::string file, std::string pointer)
        : obj_(obj), problems_(problems), file_(std::move(file)), pointer_(std::move(pointer)) {
        if (!obj_.is_object()) fail("", "expected an object, got {got}", {{"got", type_name(obj_)}});
    }
    bool ok() const { return ok_; }
    void set_record(std::string id) { record_ = std::move(id); }

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
    void only(std::initializer_list<const char*> known) {
        if (!obj_.is_object()) return;
        for (auto it = obj_.begin(); it != obj_.end(); ++it) {
            bool found = false;
            for (const char* k : known) found = found || it.key() == k;
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
    std::string file_, pointer_, record_;
    bool ok_ = true;
};

// A record from a later file replaces the record with the same id from an earlier file; a new id
// is added. So a file with a few new or corrected records can be dropped over the bundled data.
template <class T>
class Upserter {
public:
    explicit Upserter(std::vector<T>& records) : records_(records) {
        for (std::size_t i = 0; i < records.size(); ++i) index_.emplace(records[i].id, i);
    }
    void operator()(T record) {
        auto [it, added] = index_.emplace(record.id, records_.size());
        if (added) records_.push_back(std::move(record));
        else records_[it->second] = std::move(record);
    }

private:
    std::vector<T>& records_;
    std::unordered_map<std::string, std::size_t> index_;
};

Color color_of(RecordReader& r, const char* key) {
    const std::string text = r.str(key);
    Color c;
    if (!text.empty() && !parse_hex_color(text, c)) r.fail(key, "expected a colour like \"#E69F00\", got \"{got}\"", {{"got", text}});
    return c;
}

// Reads the top-level object and its one array of records (the format was checked already).
const json* records(const json& doc, const std::string& file, const char* key, std::vector<Problem>& problems) {
    RecordReader top(doc, problems, file, "");
    if (!top.ok()) return nullptr;
    top.integer("version", 1, 1);
    const json* arr = top.array(key);
    top.only({"format", "version", "palette", key});
    return top.ok() ? arr : nullptr;
}

std::string pointer(const char* key, std::size_t i) { return std::string("/") + key + "/" + std::to_string(i); }

// Reads the array `key` of a file into `into`: `parse` fills each record (its id is read first),
// ids must be unique within the file, and records merge by id with earlier files (Upserter).
// Returns how many records loaded.
template <class T, class Parse>
std::size_t load_records(const json& doc, const std::string& file, const char* key, const char* noun,
                         std::vector<T>& into, std::vector<Problem>& problems, Parse parse) {
    const json* arr = records(doc, file, key, problems);
    if (!arr) return 0;
    Upserter<T> upsert(into);
    std::unordered_set<std::string> seen;
    std::size_t loaded = 0;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        RecordReader r((*arr)[i], problems, file, pointer(key, i));
        T record;
        record.id = r.id();
        r.set_record(record.id);
        parse(r, record, i);
        if (r.ok() && !seen.insert(record.id).second)
            r.fail("id", "duplicate {kind} id \"{id}\"", {{"kind", noun}, {"id", record.id}});
        if (r.ok()) upsert(std::move(record)), ++loaded;
    }
    return loaded;
}

std::size_t load_fields(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    return load_records(doc, file, "fields", "field", d.fields, problems,
                        [&](RecordReader& r, CreativeField& f, std::size_t) {
        f.name = r.str("name");
        f.color = color_of(r, "color");
        f.since = r.integer("since", kFirstCreativeYear, current_year());
        r.only({"id", "name", "color", "since"});
    });
}

std::size_t load_networks(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    return load_records(doc, file, "networks", "network", d.networks, problems,
                        [&](RecordReader& r, Network& n, std::size_t) {
        n.name = r.str("name");
        n.group = r.str("group");
        if (!n.group.empty() && n.group != "creative" && n.group != "heritage" && n.group != "south-south" &&
            n.group != "partner" && n.group != "link")
            r.fail("group", "expected one of creative, heritage, south-south, partner, link; got \"{got}\"", {{"got", n.group}});
        n.color = color_of(r, "color");
        n.marker = r.str("marker", n.is_city_group());
        n.description = r.str("description", false);
        n.founded = r.str("founded", false);
        n.sources = r.sources();
        n.doubts = r.strings("doubts");
        if (const std::string v = r.str("drawAs", false); !v.empty()) {
            if (v != "pairs" && v != "network") r.fail("drawAs", "expected \"pairs\" or \"network\", got \"{got}\"", {{"got", v}});
            n.draw_as = v;
        }
        if (const std::string v = r.str("line", false); !v.empty()) {
            if (v != "solid" && v != "dashed" && v != "dotted")
                r.fail("line", "expected \"solid\", \"dashed\" or \"dotted\", got \"{got}\"", {{"got", v}});
            n.line = v;
        }
        r.only({"id", "name", "group", "color", "marker", "description", "founded", "sources", "doubts", "drawAs", "line"});
    });
}

std::size_t load_country_groups(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    return load_records(doc, file, "groups", "group", d.country_groups, problems,
                        [&](RecordReader& r, CountryGroup& g, std::size_t i) {
        g.name = r.str("name");
        g.criterion = r.str("criterion");
        g.doubts = r.strings("doubts");
        r.only({"id", "name", "criterion", "countries", "doubts"});
        if (const json* countries = r.array("countries")) {
            for (std::size_t k = 0; k < countries->size(); ++k) {
                RecordReader c((*countries)[k], problems, file, pointer("groups", i) + pointer("countries", k));
                const std::string iso2 = c.str("iso2");
                c.set_record(iso2);
                if (!iso2.empty() && (iso2.size() != 2 || !std::isupper((unsigned char)iso2[0]) || !std::isupper((unsigned char)iso2[1])))
                    c.fail("iso2", "expected an ISO 3166-1 alpha-2 code like \"MX\", got \"{got}\"", {{"got", iso2}});
                c.str("iso3", false);
                c.str("name");
                c.str("criterion", false);
                c.str("notes", false);
                c.sources();
                c.only({"iso2", "iso3", "name", "g77", "unctadDeveloping", "criterion", "sources", "notes"});
                if (c.ok()) g.countries.push_back(iso2);
            }
        }
    });
}

std::size_t load_cities(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    const int this_year = current_year();
    const std::size_t loaded = load_records(doc, file, "cities", "city", d.cities, problems,
                                            [&](RecordReader& r, City& c, std::size_t i) {
        c.name = r.str("name");
        c.local_name = r.str("localName", false);
        if (c.local_name.empty()) c.local_name = c.name;
        c.country = r.str("country");
        if (!c.country.empty() && c.country.size() != 2) r.fail("country", "expected an ISO 3166-1 alpha-2 code like \"MX\", got \"{got}\"", {{"got", c.country}});
        c.country_name = r.str("countryName", false);
        c.state = r.str("state", false);
        c.coord_source = r.str("coordSource", false);
        c.lat = r.number("lat", -90, 90);
        c.lon = r.number("lon", -180, 180);
        c.alt_names = r.strings("altNames");
        r.only({"id", "name", "localName", "country", "countryName", "state", "coordSource", "lat", "lon", "altNames", "designations"});
        const json* des = r.array("designations");
        for (std::size_t k = 0; des && k < des->size(); ++k) {
            RecordReader dr((*des)[k], problems, file, pointer("cities", i) + pointer("designations", k));
            dr.set_record(c.id);
            Designation g;
            const std::string net = dr.str("network");
            g.network = d.find_network(net);
            if (!net.empty() && (g.network < 0 || !d.networks[g.network].is_city_group()))
                dr.fail("network", "unknown city network \"{id}\" (not in networks.json)", {{"id", net}});
            const bool creative = g.network >= 0 && d.networks[g.network].group == "creative";
            const std::string field = dr.str("field", creative);
            if (!field.empty()) {
                g.field = d.find_field(field);
                if (g.field < 0) dr.fail("field", "unknown creative field \"{id}\" (not in fields.json)", {{"id", field}});
            }
            const bool heritage = g.network >= 0 && d.networks[g.network].group == "heritage";
            // Partners are dated by their links, which may be older than the networks.
            const bool partner = g.network >= 0 && d.networks[g.network].group == "partner";
            g.year = dr.integer("year", partner ? kFirstLinkYear : heritage ? kFirstHeritageYear : kFirstCreativeYear, this_year);
            if (g.field >= 0 && g.year && g.year < d.fields[g.field].since)
                dr.fail("year", "the field {field} exists since {year}", {{"field", d.fields[g.field].name}, {"year", std::to_string(d.fields[g.field].since)}});
            const std::string status = dr.str("status", false);
            if (!status.empty() && status != "current" && status != "former")
                dr.fail("status", "expected \"current\" or \"former\", got \"{got}\"", {{"got", status}});
            g.former = status == "former";
            g.confidence = dr.str("confidence", false);
            g.notes = dr.str("notes", false);
            g.property = dr.str("property", false);
            g.role = dr.str("role", false);
            g.whc_id = dr.integer("whcId", 1, 100000, false);
            g.sources = dr.sources();
            dr.only({"network", "field", "year", "status", "confidence", "notes", "property", "whcId", "role", "sources"});
            if (dr.ok()) c.designations.push_back(std::move(g));
        }
        if (r.ok() && c.designations.empty()) r.fail("designations", "a city needs at least one valid designation");
    });
    d.rebuild_index();
    return loaded;
}

std::size_t load_links(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    return load_records(doc, file, "links", "link", d.links, problems,
                        [&](RecordReader& r, CooperationLink& l, std::size_t) {
        const std::string from = r.str("from"), to = r.str("to"), net = r.str("network");
        l.from = d.find_city(from);
        l.to = d.find_city(to);
        if (!from.empty() && l.from < 0) r.fail("from", "no city with id \"{id}\"", {{"id", from}});
        if (!to.empty() && l.to < 0) r.fail("to", "no city with id \"{id}\"", {{"id", to}});
        if (l.from >= 0 && l.from == l.to) r.fail("to", "a link needs two different cities");
        l.network = d.find_network(net);
        if (!net.empty() && (l.network < 0 || d.networks[l.network].is_city_group()))
            r.fail("network", "unknown link kind \"{id}\" (not a link network in networks.json)", {{"id", net}});
        l.label = r.str("label", false);
        l.year = r.integer("year", kFirstLinkYear, current_year(), false);
        l.confidence = r.str("confidence", false);
        l.notes = r.str("notes", false);
        l.sources = r.sources();
        r.only({"id", "from", "to", "network", "label", "year", "confidence", "notes", "sources"});
    });
}

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The kinds of data file, in loading order: later kinds refer to earlier ones.
struct Kind {
    const char* format;
    const char* file;
    std::size_t (*load)(const json&, const std::string&, Dataset&, std::vector<Problem>&);
};
const Kind kKinds[] = {
    {"atlas-sur/fields", "fields.json", load_fields},
    {"atlas-sur/networks", "networks.json", load_networks},
    {"atlas-sur/country-groups", "country_groups.json", load_country_groups},
    {"atlas-sur/cities", "cities.json", load_cities},
    {"atlas-sur/links", "links.json", load_links},
};

struct Parsed {
    std::string name;
    json doc;
};
}  // namespace

int current_year() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

std::string fill_template(const std::string& text, const Args& args) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        const auto arg = close == std::string::npos ? args.end()
                       : std::find_if(args.begin(), args.end(), [&](const auto& a) { return text.compare(i + 1, close - i - 1, a.first) == 0; });
        if (arg == args.end()) {
            out += text[i];
            continue;
        }
        out += arg->second;
        i = close;
    }
    return out;
}

std::string Problem::to_string() const { return to_string(message, "warning"); }

std::string Problem::to_string(const std::string& message_text, const std::string& warning_word) const {
    std::string s = file;
    if (!pointer.empty()) s += ": " + pointer;
    if (!record.empty()) s += " (" + record + ")";
    s += severity == Severity::Warning ? ": " + warning_word + ": " : ": ";
    return s + message_text;
}

int LoadResult::error_count() const {
    int n = 0;
    for (auto& p : problems) n += p.severity == Problem::Severity::Error;
    return n;
}

LoadResult load_files(const std::vector<DataFile>& files) {
    LoadResult result;
    std::vector<std::vector<Parsed>> by_kind(std::size(kKinds));
    auto reject = [&](const std::string& file, const std::string& text, Args args = {}) {
        Problem p{Problem::Severity::Error, file, "", "", fill_template(text, args)};
        p.text = text, p.args = std::move(args);
        result.problems.push_back(std::move(p));
        result.rejected.push_back(file);
    };
    for (const auto& f : files) {
        const std::string name = base_name(f.name);
        if (f.text.size() > kMaxDataFileBytes) {
            reject(name, "file is {n} bytes, more than the limit of {limit}",
                   {{"n", std::to_string(f.text.size())}, {"limit", std::to_string(kMaxDataFileBytes)}});
            continue;
        }
        JsonDocument parsed = parse_json(f.text);
        if (!parsed.ok()) {
            reject(name, parsed.error);
            continue;
        }
        const json* format = parsed.value.is_object() && parsed.value.contains("format") ? &parsed.value["format"] : nullptr;
        std::size_t k = 0;
        while (k < std::size(kKinds) && !(format && format->is_string() && *format == kKinds[k].format)) ++k;
        if (k == std::size(kKinds)) {
            reject(name, "not an atlas data file: \"format\" must be one of atlas-sur/fields, atlas-sur/networks, "
                         "atlas-sur/country-groups, atlas-sur/cities, atlas-sur/links");
            continue;
        }
        by_kind[k].push_back({name, std::move(parsed.value)});
    }
    // Kind by kind, file by file: records merge by id (see Upserter). A file that contributes
    // nothing although it has errors could not be used at all.
    for (std::size_t k = 0; k < std::size(kKinds); ++k)
        for (const auto& file : by_kind[k]) {
            const std::size_t errors_before = result.error_count();
            const std::size_t loaded = kKinds[k].load(file.doc, file.name, result.dataset, result.problems);
            if (loaded == 0 && std::size_t(result.error_count()) > errors_before)
                reject(file.name, "no valid record in the file: nothing of it was loaded");
        }
    result.dataset.rebuild_index();
    return result;
}

std::vector<DataFile> read_data_dir(const std::string& dir, std::vector<Problem>& problems) {
    std::vector<DataFile> files;
    for (const auto& kind : kKinds) {
        DataFile f{kind.file, {}};
        std::string error;
        if (read_file(dir + "/" + kind.file, f.text, error)) files.push_back(std::move(f));
        else problems.push_back({Problem::Severity::Error, kind.file, "", "", error});
    }
    return files;
}

LoadResult load_dataset(const std::string& dir, const std::vector<DataFile>& overrides) {
    std::vector<Problem> read_problems;
    std::vector<DataFile> files = read_data_dir(dir, read_problems);
    files.insert(files.end(), overrides.begin(), overrides.end());
    LoadResult result = load_files(files);
    result.problems.insert(result.problems.begin(), read_problems.begin(), read_problems.end());
    return result;
}

std::vector<DataFile> read_data_files(const std::vector<std::string>& paths, std::vector<Problem>& problems) {
    std::vector<DataFile> files;
    for (const auto& path : paths) {
        DataFile f{path, {}};
        std::string error;
        if (read_file(path, f.text, error)) files.push_back(std::move(f));
        else problems.push_back({Problem::Severity::Error, path, "", "", error});
    }
    return files;
}

LoadResult check_data_files(const std::vector<std::string>& paths, const std::string& base_dir) {
    std::vector<Problem> problems;
    const std::vector<DataFile> given = read_data_files(paths, problems);
    LoadResult result = load_dataset(base_dir, given);
    result.problems.insert(result.problems.begin(), problems.begin(), problems.end());
    return result;
}

}  // namespace atlas
