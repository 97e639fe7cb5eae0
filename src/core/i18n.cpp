#include "core/i18n.h"

#include <algorithm>

#include "core/json_io.h"

namespace atlas {
using json = nlohmann::json;

bool Catalogue::load(const std::string& text, const std::string& file, Catalogue& out, std::vector<Problem>& problems) {
    auto problem = [&](const std::string& pointer, const std::string& message) {
        problems.push_back({Problem::Severity::Error, file, pointer, "", message});
    };
    const JsonDocument doc = parse_json(text);
    if (!doc.ok()) return problem("", doc.error), false;
    const json& j = doc.value;
    if (!j.is_object() || j.value("format", "") != "atlas-sur/strings")
        return problem("/format", "expected \"atlas-sur/strings\""), false;
    if (!j.contains("language") || !j["language"].is_string()) return problem("/language", "expected a language code"), false;
    out.language_ = j["language"].get<std::string>();
    out.name_ = j.value("name", out.language_);
    if (auto it = j.find("plural"); it != j.end() && it->is_object() && it->contains("one") && (*it)["one"].is_array()) {
        out.one_.clear();
        for (const auto& n : (*it)["one"])
            if (n.is_number_integer()) out.one_.push_back(n.get<long long>());
    }
    if (auto it = j.find("numbers"); it != j.end() && it->is_object()) {
        if (it->contains("group") && (*it)["group"].is_string()) out.group_ = (*it)["group"].get<std::string>();
        auto one_char = [&](const char* key, char& out) {
            if (it->contains(key) && (*it)[key].is_string() && (*it)[key].get_ref<const std::string&>().size() == 1)
                out = (*it)[key].get_ref<const std::string&>()[0];
        };
        one_char("decimal", out.decimal_);
        one_char("listSeparator", out.list_separator_);
        if (it->contains("minimumGroupingDigits") && (*it)["minimumGroupingDigits"].is_number_integer())
            out.min_grouping_ = std::clamp((*it)["minimumGroupingDigits"].get<int>(), 1, 4);
    }
    auto strings = j.find("strings");
    if (strings == j.end() || !strings->is_object()) return problem("/strings", "expected an object of translations"), false;
    for (const auto& [key, value] : strings->items()) {
        if (value.is_string()) {
            out.strings_[key] = value.get<std::string>();
        } else if (value.is_object() && value.contains("one") && value.contains("other") && value["one"].is_string() &&
                   value["other"].is_string()) {
            out.plurals_[key] = {value["one"].get<std::string>(), value["other"].get<std::string>()};
        } else {
            problem("/strings/" + utf8_prefix(key, 60), "expected a text or {\"one\", \"other\"} texts");
        }
    }
    return true;
}

void Catalogue::add_countries(const json& names) {
    if (!names.is_object()) return;
    for (const auto& [iso2, name] : names.items())
        if (name.is_string()) strings_["country:" + iso2] = name.get<std::string>();
}

const char* Catalogue::tr(const char* english) const {
    auto it = strings_.find(std::string_view(english));
    return it == strings_.end() ? english : it->second.c_str();
}

const std::string& Catalogue::tr(const std::string& english) const {
    auto it = strings_.find(english);
    return it == strings_.end() ? english : it->second;
}

const std::string& Catalogue::lookup(const std::string& key, const std::string& fallback) const {
    auto it = strings_.find(key);
    return it == strings_.end() ? fallback : it->second;
}

std::string Catalogue::problem_message(const Problem& p) const {
    if (p.text.empty()) return p.message;  // from another library: as it came
    auto args = p.args;
    for (auto& [name, value] : args) value = tr(value);
    const std::string text = fill_template(tr(p.text), args);
    return p.member.empty() ? text : p.member + ": " + text;
}

bool Catalogue::plural_one(long long n) const { return std::find(one_.begin(), one_.end(), n) != one_.end(); }

std::string Catalogue::number(long long n) const {
    std::string digits = std::to_string(n < 0 ? -n : n);
    if (int(digits.size()) >= 3 + min_grouping_)
        for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(std::size_t(i), group_);
    return (n < 0 ? "-" : "") + digits;
}

std::string Catalogue::format(const std::string& english, std::initializer_list<std::pair<const char*, Arg>> args) const {
    std::string text = tr(english);
    auto plural = plurals_.find(english);
    if (plural != plurals_.end()) {
        text = plural->second.second;
        for (const auto& [name, value] : args)
            if (std::string_view(name) == "n" && std::holds_alternative<long long>(value))
                text = plural_one(std::get<long long>(value)) ? plural->second.first : plural->second.second;
    }
    std::vector<std::pair<std::string, std::string>> values;  // numbers written the language's way
    for (const auto& [name, value] : args)
        values.push_back({name, std::holds_alternative<long long>(value) ? number(std::get<long long>(value))
                                                                         : std::get<std::string>(value)});
    return fill_template(text, values);  // an unknown placeholder stays as written: a test reports it
}

json Catalogue::to_json() const {
    json strings = json::object();
    for (const auto& [k, v] : strings_) strings[k] = v;
    for (const auto& [k, v] : plurals_) strings[k] = {{"one", v.first}, {"other", v.second}};
    return {{"language", language_}, {"name", name_}, {"strings", strings}};
}

std::vector<std::string> Catalogue::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : strings_) out.push_back(k);
    for (const auto& [k, v] : plurals_) out.push_back(k);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::pair<std::string, std::string>> Catalogue::entries(const std::string& prefix) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto it = strings_.lower_bound(prefix); it != strings_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        out.push_back({it->first.substr(prefix.size()), it->second});
    return out;
}

std::vector<std::string> Catalogue::texts() const {
    std::vector<std::string> out{name_, group_};
    for (const auto& [k, v] : strings_) out.push_back(v);
    for (const auto& [k, v] : plurals_) out.push_back(v.first), out.push_back(v.second);
    return out;
}

void Catalogues::add(Catalogue c) {
    for (auto& e : entries_)
        if (e.language == c.language()) {
            e.name = c.name(), e.held = std::make_unique<Catalogue>(std::move(c));
            return;
        }
    entries_.push_back({c.language(), c.name(), std::make_unique<Catalogue>(std::move(c))});
}

const Catalogue& Catalogues::get(const std::string& language) const {
    static const Catalogue english;
    auto held = [&](const Entry& e) -> const Catalogue* {
        if (!e.held) e.held = read(e.language);  // (English as written if the file went bad since)
        return e.held.get();
    };
    for (const auto& e : entries_)
        if (e.language == language)
            if (const Catalogue* c = held(e)) return *c;
    const Catalogue* first = entries_.empty() ? nullptr : held(entries_.front());
    return first ? *first : english;
}

std::vector<std::string> Catalogues::languages() const {
    std::vector<std::string> out;
    for (const auto& e : entries_) out.push_back(e.language);
    return out;
}

const std::string& Catalogues::name(const std::string& language) const {
    for (const auto& e : entries_)
        if (e.language == language) return e.name;
    return language;
}

void Catalogues::each(const std::function<void(const Catalogue&)>& visit) const {
    for (const auto& e : entries_) {
        if (e.held) visit(*e.held);
        else if (const auto c = read(e.language)) visit(*c);
    }
}

void Catalogues::let_go_all_but(const std::string& language) {
    if (dir_.empty()) return;  // (added ones cannot be read again)
    for (std::size_t i = 1; i < entries_.size(); ++i)  // (English first stays)
        if (entries_[i].language != language) entries_[i].held.reset();
}

bool Catalogues::holds(const std::string& language) const {
    for (const auto& e : entries_)
        if (e.language == language) return bool(e.held);
    return false;
}

namespace {
// Reads <dir>/<language>.json with the language's country names from <dir>/countries.json.
std::unique_ptr<Catalogue> read_catalogue(const std::string& dir, const std::string& language, std::vector<Problem>& problems) {
    const std::string file = language + ".json";
    std::string text, error;
    if (!read_file(dir + "/" + file, text, error)) {
        problems.push_back({Problem::Severity::Error, file, "", "", error});
        return nullptr;
    }
    auto c = std::make_unique<Catalogue>();
    if (!Catalogue::load(text, file, *c, problems)) return nullptr;
    if (c->language() != language) {  // (it is read again by its file's name)
        problems.push_back({Problem::Severity::Error, file, "/language", "", "expected \"" + language + "\", the file's name"});
        return nullptr;
    }
    if (read_file(dir + "/countries.json", text, error)) {  // (all languages' names, held only for this one's reading)
        const JsonDocument doc = parse_json(text);
        if (doc.ok() && doc.value.is_object() && doc.value.contains("names") && doc.value["names"].contains(language))
            c->add_countries(doc.value["names"][language]);
    }
    return c;
}
}  // namespace

std::unique_ptr<Catalogue> Catalogues::read(const std::string& language) const {
    std::vector<Problem> problems;  // (said when first read)
    return dir_.empty() ? nullptr : read_catalogue(dir_, language, problems);
}

Catalogues load_catalogues(const std::string& dir, std::vector<Problem>& problems,
                           const std::function<void(const Catalogue&)>& visit) {
    Catalogues out;
    std::string text, error;
    if (!read_file(dir + "/languages.json", text, error)) {
        problems.push_back({Problem::Severity::Error, "languages.json", "", "", error});
        return out;
    }
    const JsonDocument list = parse_json(text);
    if (!list.ok() || !list.value.is_object() || !list.value.contains("languages") || !list.value["languages"].is_array()) {
        problems.push_back({Problem::Severity::Error, "languages.json", "/languages", "", "expected a list of language codes"});
        return out;
    }
    for (const auto& code : list.value["languages"]) {
        if (!code.is_string()) continue;
        auto c = read_catalogue(dir, code.get<std::string>(), problems);
        if (!c) continue;
        if (visit) visit(*c);
        out.add(std::move(*c));
        // Only the first, English, is held from the start: the three at once grew the web's memory.
        if (out.entries_.size() > 1) out.entries_.back().held.reset();
    }
    out.dir_ = dir;
    return out;
}

std::string choose_language(const std::vector<std::string>& preferred, const std::vector<std::string>& available) {
    for (const auto& p : preferred) {
        std::string base = p.substr(0, p.find_first_of("-_"));
        std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (std::find(available.begin(), available.end(), base) != available.end()) return base;
    }
    return {};
}

}  // namespace atlas
