#include "core/dataset_loader.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/color.h"
#include "core/json_io.h"
#include "core/record_reader.h"

namespace atlas {
using Args = std::vector<std::pair<std::string, std::string>>;
namespace {
using json = nlohmann::json;
using records::RecordReader;
using records::pointer;
using records::RecordSink;
using records::records_into;

constexpr int kFirstCreativeYear = 2004;
constexpr int kFirstHeritageYear = 1978;  // first World Heritage inscriptions
constexpr int kFirstLinkYear = 1900;      // twinnings and the partners they bring

Color color_of(RecordReader& r, const char* key) {
    const std::string text = r.str(key);
    Color c;
    if (!text.empty() && !parse_hex_color(text, c)) r.fail(key, "expected a colour like \"#E69F00\", got \"{got}\"", {{"got", text}});
    return c;
}

// Each kind of file's records (its array `key`), read into the dataset (RecordSink).
std::unique_ptr<RecordSink> fields_into(const std::string& file, const char* key, Dataset& d, records::RecordIndex& index) {
    return records_into(file, key, "field", d.fields, index, [](RecordReader& r, CreativeField& f, std::size_t) {
        f.name = r.str("name");
        f.color = color_of(r, "color");
        f.since = r.integer("since", kFirstCreativeYear, current_year());
        r.only({"id", "name", "color", "since"});
    });
}

std::unique_ptr<RecordSink> networks_into(const std::string& file, const char* key, Dataset& d, records::RecordIndex& index) {
    return records_into(file, key, "network", d.networks, index, [](RecordReader& r, Network& n, std::size_t) {
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

std::unique_ptr<RecordSink> country_groups_into(const std::string& file, const char* key, Dataset& d, records::RecordIndex& index) {
    return records_into(file, key, "group", d.country_groups, index, [](RecordReader& r, CountryGroup& g, std::size_t i) {
        g.name = r.str("name");
        g.criterion = r.str("criterion");
        g.doubts = r.strings("doubts");
        g.sources = r.sources();
        r.only({"id", "name", "criterion", "countries", "doubts", "sources"});
        if (const json* countries = r.array("countries")) {
            for (std::size_t k = 0; k < countries->size(); ++k) {
                RecordReader c((*countries)[k], r.problems(), r.file(), pointer("groups", i) + pointer("countries", k));
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
        std::sort(g.countries.begin(), g.countries.end());  // (CountryGroup::contains searches them)
    });
}

std::unique_ptr<RecordSink> cities_into(const std::string& file, const char* key, Dataset& d, records::RecordIndex& index) {
    const int this_year = current_year();
    return records_into(file, key, "city", d.cities, index, [&d, this_year](RecordReader& r, City& c, std::size_t i) {
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
            RecordReader dr((*des)[k], r.problems(), r.file(), pointer("cities", i) + pointer("designations", k));
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
}

std::unique_ptr<RecordSink> links_into(const std::string& file, const char* key, Dataset& d, records::RecordIndex& index) {
    const int this_year = current_year();
    return records_into(file, key, "link", d.links, index, [&d, this_year](RecordReader& r, CooperationLink& l, std::size_t) {
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
        l.year = r.integer("year", kFirstLinkYear, this_year, false);
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
    const char* key;  // the array of records
    std::unique_ptr<RecordSink> (*into)(const std::string& file, const char* key, Dataset&, records::RecordIndex&);
};
const Kind kKinds[] = {
    {"atlas-sur/fields", "fields.json", "fields", fields_into},
    {"atlas-sur/networks", "networks.json", "networks", networks_into},
    {"atlas-sur/country-groups", "country_groups.json", "groups", country_groups_into},
    {"atlas-sur/cities", "cities.json", "cities", cities_into},
    {"atlas-sur/links", "links.json", "links", links_into},
    {"atlas-sur/tours", nullptr, "tours", tours_into},  // any number of files (assets/tours/)
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

namespace {
// The kind a file names in its first bytes ("format": "atlas-sur/cities"), read without parsing it;
// kKinds' size when it does not say. Only a hint for the order of parsing: the parsed file decides.
std::size_t sniff_kind(const JsonText& file) {
    constexpr std::size_t kHead = 4096 + 64;  // its first 4 KB, and what the value there may need past them
    std::string text;
    file.for_each_piece([&](std::string_view piece) { text.append(piece.substr(0, kHead - text.size())); }, kHead);
    const std::size_t key = std::string_view(text).substr(0, 4096).find("\"format\"");
    if (key == std::string_view::npos) return std::size(kKinds);
    std::size_t i = key + 8;
    while (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    for (std::size_t k = 0; k < std::size(kKinds); ++k)
        if (std::string_view(text).substr(i).starts_with("\"" + std::string(kKinds[k].format) + "\"")) return k;
    return std::size(kKinds);
}

// The kind a parsed file says it is ("format"); kKinds' size when it names none.
std::size_t kind_of(const json& doc) {
    const auto format = doc.is_object() ? doc.find("format") : doc.end();
    std::size_t k = 0;
    while (k < std::size(kKinds) && !(format != doc.end() && format->is_string() && *format == kKinds[k].format)) ++k;
    return k;
}

// Files are parsed one at a time in the order of the kinds their first bytes name. A file whose
// turn it is (every file of an earlier kind is loaded) is read record by record while it is parsed
// (RecordStream), so its parsed form is never whole in memory: that form is about 8 times the text
// (90 MB for 50,000 cities) and set the memory's high-water mark. A file that comes before its turn
// waits parsed. Returns false when a hint was wrong in a way that breaks the order (a file of a
// kind already loaded): the caller loads again without hints.
bool load_in_kind_order(const std::vector<const DataFile*>& files, bool use_hints, LoadResult& result) {
    constexpr std::size_t kinds = std::size(kKinds);
    std::vector<std::size_t> hint(files.size(), kinds), order(files.size());
    // Each file's shape, scanned once, and how many records each kind's files hold at most: a kind's
    // list grows once, at its first file, for all of them. (Grown file by file, it moved every
    // earlier record again at each file: 100,000 cities in four files spent 157 ms of 950 moving.)
    std::vector<JsonShape> shapes(files.size());
    std::vector<std::size_t> records_to_come(kinds, 0);  // (of the files that name their kind)
    auto records_in = [&](std::size_t i) { return std::min(shapes[i].second_level_items, kMaxRecordsPerFile); };
    for (std::size_t i = 0; i < files.size(); ++i) {
        order[i] = i;
        const JsonText text = files[i]->json_text();
        if (use_hints) hint[i] = sniff_kind(text);
        if (files[i]->size() > kMaxDataFileBytes) continue;  // (refused below)
        shapes[i] = json_shape(text);
        if (hint[i] < kinds) records_to_come[hint[i]] += records_in(i);
    }
    // Files that name no kind are parsed first (their kind is known only then), as all are without hints.
    auto rank = [&](std::size_t i) { return hint[i] == kinds ? 0 : hint[i] + 1; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return rank(x) < rank(y); });
    auto reject = [&](const std::string& file, const std::string& text, Args args = {}) {
        Problem p{Problem::Severity::Error, file, "", "", fill_template(text, args)};
        p.text = text, p.args = std::move(args);
        result.problems.push_back(std::move(p));
        result.rejected.push_back(file);
    };
    // A file that contributes nothing although it has errors could not be used at all.
    auto reject_if_unused = [&](const std::string& name, std::size_t errors_before, std::size_t loaded) {
        if (loaded == 0 && std::size_t(result.error_count()) > errors_before)
            reject(name, "no valid record in the file: nothing of it was loaded");
    };
    std::vector<std::vector<std::pair<std::size_t, Parsed>>> waiting(kinds);  // parsed, with each file's place in `files`
    // Each kind's records by id, across its files; the cities' is the dataset's own (find_city).
    std::vector<records::RecordIndex> indices(kinds);
    auto index_of = [&](std::size_t k) -> records::RecordIndex& {
        return kKinds[k].into == cities_into ? result.dataset.city_index() : indices[k];
    };
    std::size_t loaded_kinds = 0;
    // Kind by kind, file by file in the order given: records merge by id (see Upserter).
    auto load = [&](std::size_t k, Parsed file) {  // (its own: its records are freed as they are read)
        const std::size_t errors_before = result.error_count();
        const auto sink = kKinds[k].into(file.name, kKinds[k].key, result.dataset, index_of(k));
        reject_if_unused(file.name, errors_before, records::load_parsed(file.doc, file.name, kKinds[k].key, *sink, result.problems));
    };
    auto load_waiting = [&](std::size_t k, std::size_t before) {  // the files of kind k placed before `before`
        auto& w = waiting[k];
        std::sort(w.begin(), w.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        std::size_t n = 0;
        while (n < w.size() && w[n].first < before) load(k, std::move(w[n].second)), ++n;
        w.erase(w.begin(), w.begin() + std::ptrdiff_t(n));
    };
    auto load_kinds_below = [&](std::size_t end) {
        for (; loaded_kinds < end; ++loaded_kinds) load_waiting(loaded_kinds, files.size());
    };
    for (std::size_t i : order) {
        const DataFile& f = *files[i];
        if (hint[i] < kinds) load_kinds_below(hint[i]);
        const std::string name = base_name(f.name);
        if (f.size() > kMaxDataFileBytes) {
            reject(name, "file is {n} bytes, more than the limit of {limit}",
                   {{"n", std::to_string(f.size())}, {"limit", std::to_string(kMaxDataFileBytes)}});
            continue;
        }
        // Its turn: read while it is parsed, if its records come after a "format" that agrees
        // with the hint and the rest of the top-level object.
        std::unique_ptr<RecordSink> sink;
        bool too_many = false;  // (then read as a whole, which says so)
        const std::size_t errors_before = result.error_count();
        RecordStream stream;
        if (hint[i] < kinds) {
            load_waiting(hint[i], i);
            const Kind& kind = kKinds[hint[i]];
            stream.open = [&](const json& head, const std::string& key, std::size_t) {  // (at most: records_in(i))
                std::vector<Problem> unused;
                if (key != kind.key || kind_of(head) != hint[i] || !records::records(head, name, kind.key, unused)) return false;
                sink = kind.into(name, kind.key, result.dataset, index_of(hint[i]));
                sink->expect(records_to_come[hint[i]]);  // (this file's and the kind's later files')
                return true;
            };
            stream.element = [&](json& record, std::size_t index) {
                if (index < kMaxRecordsPerFile) sink->add(record, index);
                else too_many = true;
            };
        }
        JsonDocument parsed = parse_json(f.json_text(), shapes[i], kMaxJsonDepth, hint[i] < kinds ? &stream : nullptr);
        if (hint[i] < kinds) records_to_come[hint[i]] -= records_in(i);
        if (sink) {
            std::vector<Problem> top;  // the top-level object's own (its members after the records too)
            if (parsed.ok() && !too_many && kind_of(parsed.value) == hint[i] &&
                records::records(parsed.value, name, kKinds[hint[i]].key, top)) {
                result.problems.insert(result.problems.end(), top.begin(), top.end());
                reject_if_unused(name, errors_before, sink->finish(result.problems));
                continue;
            }
            // Broken after its records began (bad JSON, too many records, or a later "format" or
            // "version" that disagrees): nothing of it stays, and it is read again as a whole to say
            // what is wrong.
            sink->undo();
            if (parsed.ok()) parsed = parse_json(f.json_text());
        }
        if (!parsed.ok()) {
            reject(name, parsed.error);
            continue;
        }
        const std::size_t k = kind_of(parsed.value);
        if (k == kinds) {
            reject(name, "not an atlas data file: \"format\" must be one of atlas-sur/fields, atlas-sur/networks, "
                         "atlas-sur/country-groups, atlas-sur/cities, atlas-sur/links, atlas-sur/tours");
            continue;
        }
        if (k < loaded_kinds) return false;
        if (k == loaded_kinds && hint[i] == k) {  // its turn (those before it loaded above): loaded now
            load(k, {name, std::move(parsed.value)});
        } else {
            waiting[k].push_back({i, {name, std::move(parsed.value)}});
        }
    }
    load_kinds_below(kinds);
    return true;
}
}  // namespace

LoadResult load_files(const std::vector<DataFile>& first, const std::vector<DataFile>& then) {
    std::vector<const DataFile*> files;  // (the texts are not copied: a file may be 16 MB)
    for (const auto* list : {&first, &then})
        for (const DataFile& f : *list) files.push_back(&f);
    LoadResult result;
    if (!load_in_kind_order(files, true, result)) {
        result = {};
        load_in_kind_order(files, false, result);
    }
    return result;  // (its cities' index made as they merged, its groups' countries sorted as they were read)
}

std::vector<DataFile> read_data_dir(const std::string& dir, std::vector<Problem>& problems) {
    std::vector<DataFile> files;
    for (const auto& kind : kKinds) {
        if (!kind.file) continue;
        DataFile f{kind.file, {}};
        std::string error;
        if (read_file(dir + "/" + kind.file, f.text, error)) files.push_back(std::move(f));
        else problems.push_back({Problem::Severity::Error, kind.file, "", "", error});
    }
    return files;
}

std::vector<DataFile> read_tours_dir(const std::string& dir, std::vector<Problem>& problems) {
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());
    return read_data_files(paths, problems);
}

LoadResult load_dataset(const std::string& dir, const std::vector<DataFile>& overrides) {
    std::vector<Problem> read_problems;
    LoadResult result = load_files(read_data_dir(dir, read_problems), overrides);
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
