#include "core/dataset_loader.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <initializer_list>
#include <unordered_set>

#include "core/color.h"
#include "core/json_io.h"

namespace atlas {
namespace {
using json = nlohmann::json;

constexpr std::size_t kMaxRecords = 100000;
constexpr int kFirstCreativeYear = 2004;
constexpr int kFirstHeritageYear = 1978;  // first World Heritage inscriptions

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
        if (!obj_.is_object()) fail("", std::string("expected an object, got ") + type_name(obj_));
    }
    bool ok() const { return ok_; }
    void set_record(std::string id) { record_ = std::move(id); }

    void fail(const std::string& key, const std::string& message, bool warning = false) {
        if (!warning) ok_ = false;
        problems_.push_back({warning ? Problem::Severity::Warning : Problem::Severity::Error, file_,
                             key.empty() ? pointer_ : pointer_ + "/" + key, record_,
                             key.empty() ? message : key + ": " + message});
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
            fail(key, std::string("expected a string, got ") + type_name(*v));
            return {};
        }
        if (required && v->get_ref<const std::string&>().empty()) fail(key, "must not be empty");
        return v->get<std::string>();
    }

    double number(const char* key, double lo, double hi, bool required = true) {
        const json* v = get(key, required);
        if (!v) return 0;
        if (!v->is_number()) {
            fail(key, std::string("expected a number in ") + range(lo, hi) + ", got " + type_name(*v));
            return 0;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) {
            fail(key, "expected a number in " + range(lo, hi) + ", got " + v->dump());
            return 0;
        }
        return d;
    }

    int integer(const char* key, int lo, int hi, bool required = true) {
        const json* v = get(key, required);
        if (!v) return 0;
        if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi) {
            fail(key, "expected an integer in " + range(lo, hi) + ", got " + limited_dump(*v));
            return 0;
        }
        return v->get<int>();
    }

    const json* array(const char* key, bool required = true) {
        const json* v = get(key, required);
        if (v && !v->is_array()) {
            fail(key, std::string("expected an array, got ") + type_name(*v));
            return nullptr;
        }
        if (v && v->size() > kMaxRecords) {
            fail(key, "has " + std::to_string(v->size()) + " entries, more than the limit of " +
                          std::to_string(kMaxRecords));
            return nullptr;
        }
        return v;
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
            if (!found) fail(it.key(), "unknown field (ignored)", /*warning=*/true);
        }
    }

private:
    static std::string range(double lo, double hi) {
        auto f = [](double d) { return d == std::floor(d) ? std::to_string((long long)d) : std::to_string(d); };
        return f(lo) + ".." + f(hi);
    }
    static std::string limited_dump(const json& v) {
        std::string s = v.is_structured() ? type_name(v) : v.dump();
        return s.size() > 40 ? s.substr(0, 40) + "..." : s;
    }
    const json& obj_;
    std::vector<Problem>& problems_;
    std::string file_, pointer_, record_;
    bool ok_ = true;
};

Color color_of(RecordReader& r, const char* key) {
    const std::string text = r.str(key);
    Color c;
    if (!text.empty() && !parse_hex_color(text, c)) r.fail(key, "expected a colour like \"#E69F00\", got \"" + text + "\"");
    return c;
}

// Reads the top-level object and its one array of records, checking the format name.
const json* records(const json& doc, const std::string& file, const char* format, const char* key,
                    std::vector<Problem>& problems) {
    RecordReader top(doc, problems, file, "");
    if (!top.ok()) return nullptr;
    const std::string fmt = top.str("format");
    if (!fmt.empty() && fmt != format) top.fail("format", "expected \"" + std::string(format) + "\", got \"" + fmt + "\"");
    top.integer("version", 1, 1);
    const json* arr = top.array(key);
    return top.ok() ? arr : nullptr;
}

std::string pointer(const char* key, std::size_t i) { return std::string("/") + key + "/" + std::to_string(i); }

void load_fields(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    const json* arr = records(doc, file, "atlas-sur/fields", "fields", problems);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        RecordReader r((*arr)[i], problems, file, pointer("fields", i));
        CreativeField f;
        f.id = r.str("id");
        r.set_record(f.id);
        f.name = r.str("name");
        f.color = color_of(r, "color");
        f.since = r.integer("since", kFirstCreativeYear, current_year());
        r.only({"id", "name", "color", "since"});
        if (r.ok() && (d.find_field(f.id) >= 0 || d.find_field(f.name) >= 0)) r.fail("id", "duplicate field");
        if (r.ok()) d.fields.push_back(std::move(f));
    }
}

void load_networks(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    const json* arr = records(doc, file, "atlas-sur/networks", "networks", problems);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        RecordReader r((*arr)[i], problems, file, pointer("networks", i));
        Network n;
        n.id = r.str("id");
        r.set_record(n.id);
        n.name = r.str("name");
        n.group = r.str("group");
        if (!n.group.empty() && n.group != "creative" && n.group != "heritage" && n.group != "south-south" && n.group != "link")
            r.fail("group", "expected one of creative, heritage, south-south, link; got \"" + n.group + "\"");
        n.color = color_of(r, "color");
        n.marker = r.str("marker", n.is_city_group());
        n.description = r.str("description", false);
        n.founded = r.str("founded", false);
        n.sources = r.sources();
        r.only({"id", "name", "group", "color", "marker", "description", "founded", "sources"});
        if (r.ok() && d.find_network(n.id) >= 0) r.fail("id", "duplicate network");
        if (r.ok()) d.networks.push_back(std::move(n));
    }
}

void load_country_groups(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    const json* arr = records(doc, file, "atlas-sur/country-groups", "groups", problems);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        RecordReader r((*arr)[i], problems, file, pointer("groups", i));
        CountryGroup g;
        g.id = r.str("id");
        r.set_record(g.id);
        g.name = r.str("name");
        g.criterion = r.str("criterion");
        r.only({"id", "name", "criterion", "countries"});
        if (const json* countries = r.array("countries")) {
            for (std::size_t k = 0; k < countries->size(); ++k) {
                RecordReader c((*countries)[k], problems, file, pointer("groups", i) + pointer("countries", k));
                const std::string iso2 = c.str("iso2");
                c.set_record(iso2);
                if (!iso2.empty() && (iso2.size() != 2 || !std::isupper((unsigned char)iso2[0]) || !std::isupper((unsigned char)iso2[1])))
                    c.fail("iso2", "expected an ISO 3166-1 alpha-2 code like \"MX\", got \"" + iso2 + "\"");
                c.str("iso3", false);
                c.str("name");
                c.str("criterion", false);
                c.str("notes", false);
                c.sources();
                c.only({"iso2", "iso3", "name", "g77", "unctadDeveloping", "criterion", "sources", "notes"});
                if (c.ok()) g.countries.push_back(iso2);
            }
        }
        if (r.ok()) d.country_groups.push_back(std::move(g));
    }
}

void load_cities(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    const json* arr = records(doc, file, "atlas-sur/cities", "cities", problems);
    if (!arr) return;
    std::unordered_set<std::string> seen;
    const int this_year = current_year();
    for (std::size_t i = 0; i < arr->size(); ++i) {
        RecordReader r((*arr)[i], problems, file, pointer("cities", i));
        City c;
        c.id = r.str("id");
        r.set_record(c.id);
        c.name = r.str("name");
        c.local_name = r.str("localName", false);
        if (c.local_name.empty()) c.local_name = c.name;
        c.country = r.str("country");
        if (!c.country.empty() && c.country.size() != 2) r.fail("country", "expected an ISO 3166-1 alpha-2 code like \"MX\", got \"" + c.country + "\"");
        c.country_name = r.str("countryName", false);
        c.state = r.str("state", false);
        c.coord_source = r.str("coordSource", false);
        c.lat = r.number("lat", -90, 90);
        c.lon = r.number("lon", -180, 180);
        if (const json* alt = r.array("altNames", false))
            for (auto& a : *alt)
                if (a.is_string()) c.alt_names.push_back(a.get<std::string>());
        r.only({"id", "name", "localName", "country", "countryName", "state", "coordSource", "lat", "lon", "altNames", "designations"});
        const json* des = r.array("designations");
        for (std::size_t k = 0; des && k < des->size(); ++k) {
            RecordReader dr((*des)[k], problems, file, pointer("cities", i) + pointer("designations", k));
            dr.set_record(c.id);
            Designation g;
            const std::string net = dr.str("network");
            g.network = d.find_network(net);
            if (!net.empty() && (g.network < 0 || !d.networks[g.network].is_city_group()))
                dr.fail("network", "unknown city network \"" + net + "\" (not in networks.json)");
            const bool creative = g.network >= 0 && d.networks[g.network].group == "creative";
            const std::string field = dr.str("field", creative);
            if (!field.empty()) {
                g.field = d.find_field(field);
                if (g.field < 0) dr.fail("field", "unknown creative field \"" + field + "\" (not in fields.json)");
            }
            const bool heritage = g.network >= 0 && d.networks[g.network].group == "heritage";
            g.year = dr.integer("year", heritage ? kFirstHeritageYear : kFirstCreativeYear, this_year);
            if (g.field >= 0 && g.year && g.year < d.fields[g.field].since)
                dr.fail("year", "the field " + d.fields[g.field].name + " exists since " + std::to_string(d.fields[g.field].since));
            const std::string status = dr.str("status", false);
            if (!status.empty() && status != "current" && status != "former")
                dr.fail("status", "expected \"current\" or \"former\", got \"" + status + "\"");
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
        if (r.ok() && !seen.insert(c.id).second) r.fail("id", "duplicate city id \"" + c.id + "\"");
        if (r.ok()) d.cities.push_back(std::move(c));
    }
    d.rebuild_index();
}

void load_links(const json& doc, const std::string& file, Dataset& d, std::vector<Problem>& problems) {
    const json* arr = records(doc, file, "atlas-sur/links", "links", problems);
    if (!arr) return;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        RecordReader r((*arr)[i], problems, file, pointer("links", i));
        CooperationLink l;
        l.id = r.str("id");
        r.set_record(l.id);
        const std::string from = r.str("from"), to = r.str("to"), net = r.str("network");
        l.from = d.find_city(from);
        l.to = d.find_city(to);
        if (!from.empty() && l.from < 0) r.fail("from", "no city with id \"" + from + "\"");
        if (!to.empty() && l.to < 0) r.fail("to", "no city with id \"" + to + "\"");
        if (l.from >= 0 && l.from == l.to) r.fail("to", "a link needs two different cities");
        l.network = d.find_network(net);
        if (!net.empty() && (l.network < 0 || d.networks[l.network].is_city_group()))
            r.fail("network", "unknown link kind \"" + net + "\" (not a link network in networks.json)");
        l.label = r.str("label", false);
        l.year = r.integer("year", 1900, current_year(), false);
        l.confidence = r.str("confidence", false);
        l.notes = r.str("notes", false);
        l.sources = r.sources();
        r.only({"id", "from", "to", "network", "label", "year", "confidence", "notes", "sources"});
        if (r.ok() && !seen.insert(l.id).second) r.fail("id", "duplicate link id \"" + l.id + "\"");
        if (r.ok()) d.links.push_back(std::move(l));
    }
}

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

int current_year() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

std::string Problem::to_string() const {
    std::string s = file;
    if (!pointer.empty()) s += ": " + pointer;
    if (!record.empty()) s += " (" + record + ")";
    s += severity == Severity::Warning ? ": warning: " : ": ";
    return s + message;
}

int LoadResult::error_count() const {
    int n = 0;
    for (auto& p : problems) n += p.severity == Problem::Severity::Error;
    return n;
}

void load_document(const std::string& file_name, const std::string& text, Dataset& into,
                   std::vector<Problem>& problems) {
    const std::string file = base_name(file_name);
    JsonDocument doc = parse_json(text);
    if (!doc.ok()) {
        problems.push_back({Problem::Severity::Error, file, "", "", doc.error});
        return;
    }
    if (file == "fields.json") load_fields(doc.value, file, into, problems);
    else if (file == "networks.json") load_networks(doc.value, file, into, problems);
    else if (file == "country_groups.json") load_country_groups(doc.value, file, into, problems);
    else if (file == "cities.json") load_cities(doc.value, file, into, problems);
    else if (file == "links.json") load_links(doc.value, file, into, problems);
    else problems.push_back({Problem::Severity::Error, file, "", "", "not a data file of the atlas (expected fields, networks, country_groups, cities or links .json)"});
}

LoadResult load_dataset(const std::string& dir) {
    LoadResult result;
    // Order matters: cities refer to fields and networks, links refer to cities.
    for (const char* name : {"fields.json", "networks.json", "country_groups.json", "cities.json", "links.json"}) {
        std::string text, error;
        if (!read_file(dir + "/" + name, text, error)) {
            result.problems.push_back({Problem::Severity::Error, name, "", "", error});
            continue;
        }
        load_document(name, text, result.dataset, result.problems);
    }
    result.dataset.rebuild_index();
    return result;
}

}  // namespace atlas
