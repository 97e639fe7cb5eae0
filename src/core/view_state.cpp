#include "core/view_state.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/json_io.h"

namespace atlas {
using json = nlohmann::json;
using namespace view_limits;

bool ViewState::same_except_camera(const ViewState& o) const {
    ViewState a = *this, b = o;
    a.lon = a.lat = a.zoom = b.lon = b.lat = b.zoom = std::nullopt;
    return a == b;
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdBytes) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.'))
            return false;
    return true;
}

namespace {
// A value as quoted in a notice: short, valid UTF-8, no control characters.
std::string shown(std::string_view text) {
    std::string s = utf8_prefix(std::string(text), 40);
    for (char& c : s)
        if ((unsigned char)c < 0x20 || c == 0x7f) c = ' ';
    return "\"" + s + "\"";
}

double round_to(double v, const char* format) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return std::strtod(buf, nullptr);
}
std::string number_text(double v, const char* format) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}
constexpr const char* kDegrees = "%.5f";
constexpr const char* kZoom = "%.4g";

// The checks both forms share: each takes a value already of the right type.
struct Checker {
    ViewState& v;
    std::vector<std::string>& notices;
    const char* form;  // "link" or "view": which text the notice is about

    void bad(const std::string& part, const std::string& why) { notices.push_back(std::string(form) + ": " + part + " " + why + "; ignored"); }

    void camera(double lon, double lat, double zoom, const std::string& shown) {
        if (!std::isfinite(lon) || lon < -180 || lon > 180) return bad("centre " + shown, "has a longitude outside -180..180");
        if (!std::isfinite(lat) || lat < -90 || lat > 90) return bad("centre " + shown, "has a latitude outside -90..90");
        if (!std::isfinite(zoom) || zoom < kMinZoom || zoom > kMaxZoom) return bad("zoom " + shown, "is outside 1..400");
        v.lon = lon, v.lat = lat, v.zoom = zoom;
    }
    void ids(std::optional<std::vector<std::string>>& out, const char* what, const std::vector<std::string>& list) {
        if (list.size() > kMaxIds) return bad(what, "lists more than " + std::to_string(kMaxIds) + " ids");
        for (const auto& id : list)
            if (!valid_id(id)) return bad(std::string(what) + " " + shown(id), "is not an id");
        out = list;
    }
    void one_of(std::optional<std::string>& out, const char* what, const std::string& value,
                std::initializer_list<const char*> allowed) {
        for (const char* a : allowed)
            if (value == a) {
                out = value;
                return;
            }
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        bad(std::string(what) + " " + shown(value), "is not one of " + list);
    }
    void optional_id(std::optional<std::string>& out, const char* what, const std::string& value) {
        if (!value.empty() && !valid_id(value)) return bad(std::string(what) + " " + shown(value), "is not an id");
        out = value;
    }
    bool year(double y, const char* what) {
        if (!std::isfinite(y) || y != std::floor(y) || y < kMinYear || y > kMaxYear) {
            bad(std::string(what) + " " + shown(number_text(y, "%g")), "is not a year within 1900..2100");
            return false;
        }
        return true;
    }
    void years(double from, double to) {
        if (!year(from, "first year") || !year(to, "last year")) return;
        if (from > to) return bad("years " + shown(number_text(from, "%g") + "-" + number_text(to, "%g")), "are in the wrong order");
        v.year_from = int(from), v.year_to = int(to);
    }
    void step(double n) {
        if (!std::isfinite(n) || n != std::floor(n) || n < 1 || n > kMaxTourStep)
            return bad("step " + shown(number_text(n, "%g")), "is not a step within 1.." + std::to_string(kMaxTourStep));
        v.tour_step = int(n);
    }
    void language(const std::string& lang) {
        const bool ok = lang.size() >= 2 && lang.size() <= 3 &&
                        std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!ok) return bad("language " + shown(lang), "is not a language code like \"es\"");
        v.language = lang;
    }
};

// --- the link form ---

bool hex(char c, int& out) {
    if (c >= '0' && c <= '9') out = c - '0';
    else if (c >= 'a' && c <= 'f') out = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') out = c - 'A' + 10;
    else return false;
    return true;
}
bool percent_decode(std::string_view in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        int hi = 0, lo = 0;
        if (i + 2 >= in.size() || !hex(in[i + 1], hi) || !hex(in[i + 2], lo)) return false;
        out += char(hi * 16 + lo);
        i += 2;
    }
    return true;
}
bool parse_number(std::string_view text, double& out) {
    if (text.empty() || text.size() > 32) return false;
    const std::string s(text);
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(out);
}
std::vector<std::string> split(std::string_view text, char by) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(by, start), text.size());
        out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}
std::vector<std::string> id_list(const std::string& value) {
    if (value == "-" || value.empty()) return {};
    return split(value, ',');
}
std::string join(const std::vector<std::string>& ids) {
    if (ids.empty()) return "-";
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
    return out;
}
}  // namespace

ViewState rounded_for_url(ViewState v) {
    if (v.lon) v.lon = round_to(*v.lon, kDegrees);
    if (v.lat) v.lat = round_to(*v.lat, kDegrees);
    if (v.zoom) v.zoom = round_to(*v.zoom, kZoom);
    return v;
}

void ViewState::fill_from(const ViewState& d) {
    auto fill = [](auto& mine, const auto& theirs) {
        if (!mine) mine = theirs;
    };
    if (!lon || !lat || !zoom) lon = d.lon, lat = d.lat, zoom = d.zoom;
    fill(fields, d.fields), fill(networks, d.networks), fill(region, d.region), fill(include_former, d.include_former);
    if (!year_from || !year_to) year_from = d.year_from, year_to = d.year_to;
    fill(timeline_year, d.timeline_year), fill(selected, d.selected), fill(network, d.network);
    fill(network_style, d.network_style), fill(language, d.language);
    fill(tour, d.tour), fill(tour_step, d.tour_step), fill(presenter, d.presenter), fill(theme, d.theme);
}

std::string view_to_url(const ViewState& full, const ViewState* defaults) {
    ViewState v = full;
    if (defaults) {  // leave out what the reader will fill in
        auto omit = [](auto& mine, const auto& theirs) {
            if (mine == theirs) mine.reset();
        };
        omit(v.fields, defaults->fields), omit(v.networks, defaults->networks), omit(v.region, defaults->region);
        omit(v.include_former, defaults->include_former), omit(v.timeline_year, defaults->timeline_year);
        omit(v.selected, defaults->selected), omit(v.network, defaults->network), omit(v.network_style, defaults->network_style);
        if (v.year_from == defaults->year_from && v.year_to == defaults->year_to) v.year_from.reset(), v.year_to.reset();
        omit(v.presenter, defaults->presenter);
        omit(v.tour, defaults->tour), omit(v.tour_step, defaults->tour_step), omit(v.theme, defaults->theme);
    }
    std::vector<std::pair<const char*, std::string>> parts;
    if (v.lon && v.lat && v.zoom)
        parts.push_back({"c", number_text(*v.lon, kDegrees) + "," + number_text(*v.lat, kDegrees) + "," + number_text(*v.zoom, kZoom)});
    if (v.fields) parts.push_back({"f", join(*v.fields)});
    if (v.networks) parts.push_back({"g", join(*v.networks)});
    if (v.region) parts.push_back({"r", *v.region});
    if (v.year_from && v.year_to) parts.push_back({"y", std::to_string(*v.year_from) + "-" + std::to_string(*v.year_to)});
    if (v.timeline_year) parts.push_back({"t", std::to_string(*v.timeline_year)});
    if (v.selected) parts.push_back({"s", *v.selected});
    if (v.network) parts.push_back({"n", *v.network});
    if (v.network_style) parts.push_back({"ls", *v.network_style});
    if (v.include_former) parts.push_back({"former", *v.include_former ? "1" : "0"});
    if (v.language) parts.push_back({"lang", *v.language});
    if (v.tour) parts.push_back({"tour", *v.tour});
    if (v.tour_step) parts.push_back({"step", std::to_string(*v.tour_step)});
    if (v.presenter) parts.push_back({"p", *v.presenter ? "1" : "0"});
    if (v.theme) parts.push_back({"th", *v.theme});
    std::string out;
    for (const auto& [k, value] : parts) out += (out.empty() ? "" : "&") + std::string(k) + "=" + value;
    return out;  // ids, numbers and codes need no percent-encoding
}

ViewState view_from_url(std::string_view hash, std::vector<std::string>& notices) {
    ViewState v;
    Checker check{v, notices, "link"};
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (hash.size() > kMaxLinkBytes) {
        notices.push_back("link: longer than " + std::to_string(kMaxLinkBytes) + " characters; the rest is ignored");
        hash = hash.substr(0, kMaxLinkBytes);
    }
    for (const std::string& pair : split(hash, '&')) {
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        std::string key, value;
        if (eq == std::string::npos || !percent_decode(std::string_view(pair).substr(0, eq), key) ||
            !percent_decode(std::string_view(pair).substr(eq + 1), value)) {
            check.bad("part " + shown(pair), eq == std::string::npos ? "is not key=value" : "has invalid percent-encoding");
            continue;
        }
        if (key == "c") {
            const auto xs = split(value, ',');
            double lon = 0, lat = 0, zoom = 0;
            if (xs.size() != 3 || !parse_number(xs[0], lon) || !parse_number(xs[1], lat) || !parse_number(xs[2], zoom))
                check.bad("centre " + shown(value), "is not lon,lat,zoom");
            else
                check.camera(lon, lat, zoom, shown(value));
        } else if (key == "f") {
            check.ids(v.fields, "fields", id_list(value));
        } else if (key == "g") {
            check.ids(v.networks, "city groups", id_list(value));
        } else if (key == "r") {
            check.one_of(v.region, "region", value, {"world", "global-south", "mexico"});
        } else if (key == "y") {
            const std::size_t dash = value.find('-', 1);
            double from = 0, to = 0;
            if (dash == std::string::npos || !parse_number(value.substr(0, dash), from) || !parse_number(value.substr(dash + 1), to))
                check.bad("years " + shown(value), "are not from-to");
            else
                check.years(from, to);
        } else if (key == "t") {
            double y = 0;
            if (!parse_number(value, y)) check.bad("timeline year " + shown(value), "is not a number");
            else if (check.year(y, "timeline year")) v.timeline_year = int(y);
        } else if (key == "s") {
            check.optional_id(v.selected, "selected city", value);
        } else if (key == "n") {
            check.optional_id(v.network, "network", value);
        } else if (key == "ls") {
            check.one_of(v.network_style, "link style", value, {"hub", "pairs"});
        } else if (key == "former") {
            if (value != "0" && value != "1") check.bad("former " + shown(value), "is not 0 or 1");
            else v.include_former = value == "1";
        } else if (key == "lang") {
            check.language(value);
        } else if (key == "tour") {
            check.optional_id(v.tour, "tour", value);
        } else if (key == "step") {
            double n = 0;
            if (!parse_number(value, n)) check.bad("step " + shown(value), "is not a number");
            else check.step(n);
        } else if (key == "th") {
            if (!valid_id(value)) check.bad("theme " + shown(value), "is not an id");
            else v.theme = value;
        } else if (key == "p") {
            if (value != "0" && value != "1") check.bad("p " + shown(value), "is not 0 or 1");
            else v.presenter = value == "1";
        } else {
            check.bad("key " + shown(key), "is unknown");
        }
    }
    return rounded_for_url(v);  // what a link holds is what it writes back
}

// --- the JSON form ---

json view_to_json(const ViewState& v) {
    json j = json::object();
    if (v.lon && v.lat && v.zoom) j["camera"] = {{"lon", *v.lon}, {"lat", *v.lat}, {"zoom", *v.zoom}};
    if (v.fields) j["fields"] = *v.fields;
    if (v.networks) j["networks"] = *v.networks;
    if (v.region) j["region"] = *v.region;
    if (v.include_former) j["includeFormer"] = *v.include_former;
    if (v.year_from && v.year_to) j["years"] = {{"from", *v.year_from}, {"to", *v.year_to}};
    if (v.timeline_year) j["year"] = *v.timeline_year;
    auto id_or_null = [](const std::string& id) { return id.empty() ? json(nullptr) : json(id); };
    if (v.selected) j["selected"] = id_or_null(*v.selected);
    if (v.network) j["network"] = id_or_null(*v.network);
    if (v.network_style) j["networkStyle"] = *v.network_style;
    if (v.language) j["language"] = *v.language;
    if (v.tour) j["tour"] = id_or_null(*v.tour);
    if (v.tour_step) j["step"] = *v.tour_step;
    if (v.presenter) j["presenter"] = *v.presenter;
    if (v.theme) j["theme"] = *v.theme;
    return j;
}

ViewState view_from_json(const json& j, std::vector<std::string>& notices) {
    ViewState v;
    Checker check{v, notices, "view"};
    if (!j.is_object()) {
        notices.push_back("view: must be an object like {\"selected\":\"mx-puebla\"}");
        return v;
    }
    auto text = [](const json& x) { return shown(utf8_prefix(to_text(x), 40)); };
    auto strings = [&](const json& x, const char* what, std::optional<std::vector<std::string>>& out) {
        if (!x.is_array()) return check.bad(what, "must be an array of ids");
        std::vector<std::string> list;
        for (const auto& e : x) {
            if (!e.is_string()) return check.bad(std::string(what) + " " + text(e), "is not an id");
            list.push_back(e.get<std::string>());
        }
        check.ids(out, what, list);
    };
    auto id_or_none = [&](const json& x, const char* what, std::optional<std::string>& out) {
        if (x.is_null()) out = "";
        else if (x.is_string()) check.optional_id(out, what, x.get<std::string>());
        else check.bad(std::string(what) + " " + text(x), "must be an id or null");
    };
    for (const auto& [key, x] : j.items()) {
        if (key == "camera") {
            if (!x.is_object() || !x.contains("lon") || !x.contains("lat") || !x.contains("zoom") || !x["lon"].is_number() ||
                !x["lat"].is_number() || !x["zoom"].is_number())
                check.bad("camera " + text(x), "must be {lon, lat, zoom} numbers");
            else
                check.camera(x["lon"].get<double>(), x["lat"].get<double>(), x["zoom"].get<double>(), text(x));
        } else if (key == "fields") {
            strings(x, "fields", v.fields);
        } else if (key == "networks") {
            strings(x, "city groups", v.networks);
        } else if (key == "region") {
            if (!x.is_string()) check.bad("region " + text(x), "must be a string");
            else check.one_of(v.region, "region", x.get<std::string>(), {"world", "global-south", "mexico"});
        } else if (key == "includeFormer") {
            if (!x.is_boolean()) check.bad("includeFormer " + text(x), "must be true or false");
            else v.include_former = x.get<bool>();
        } else if (key == "years") {
            if (!x.is_object() || !x.contains("from") || !x.contains("to") || !x["from"].is_number() || !x["to"].is_number())
                check.bad("years " + text(x), "must be {from, to} numbers");
            else
                check.years(x["from"].get<double>(), x["to"].get<double>());
        } else if (key == "year") {
            if (!x.is_number()) check.bad("year " + text(x), "must be a number");
            else if (check.year(x.get<double>(), "timeline year")) v.timeline_year = x.get<int>();
        } else if (key == "selected") {
            id_or_none(x, "selected city", v.selected);
        } else if (key == "network") {
            id_or_none(x, "network", v.network);
        } else if (key == "networkStyle") {
            if (!x.is_string()) check.bad("networkStyle " + text(x), "must be a string");
            else check.one_of(v.network_style, "link style", x.get<std::string>(), {"hub", "pairs"});
        } else if (key == "language") {
            if (!x.is_string()) check.bad("language " + text(x), "must be a string");
            else check.language(x.get<std::string>());
        } else if (key == "tour") {
            id_or_none(x, "tour", v.tour);
        } else if (key == "step") {
            if (!x.is_number()) check.bad("step " + text(x), "must be a number");
            else check.step(x.get<double>());
        } else if (key == "theme") {
            if (!x.is_string() || !valid_id(x.get<std::string>())) check.bad("theme " + text(x), "is not an id");
            else v.theme = x.get<std::string>();
        } else if (key == "presenter") {
            if (!x.is_boolean()) check.bad("presenter " + text(x), "must be true or false");
            else v.presenter = x.get<bool>();
        } else {
            check.bad("key " + shown(key), "is unknown");
        }
    }
    return v;
}

}  // namespace atlas
