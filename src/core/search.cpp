#include "core/search.h"

#include <algorithm>
#include <cstdint>

namespace atlas {
namespace {

// Latin letters with marks, by code point range, to what they fold to.
struct Fold {
    std::uint32_t lo, hi;
    const char* to;
};
constexpr Fold kFolds[] = {
    {0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"}, {0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"},
    {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"}, {0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"}, {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"}, {0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"},
    {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"}, {0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"},
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
    {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}, {0x1A0, 0x1A1, "o"}, {0x1AF, 0x1B0, "u"}, {0x1CD, 0x1CE, "a"},
    {0x1CF, 0x1D0, "i"}, {0x1D1, 0x1D2, "o"}, {0x1D3, 0x1DC, "u"}, {0x218, 0x219, "s"}, {0x21A, 0x21B, "t"},
    {0x1E00, 0x1E01, "a"}, {0x1E02, 0x1E07, "b"}, {0x1E08, 0x1E09, "c"}, {0x1E0A, 0x1E13, "d"}, {0x1E14, 0x1E1D, "e"},
    {0x1E1E, 0x1E1F, "f"}, {0x1E20, 0x1E21, "g"}, {0x1E22, 0x1E2B, "h"}, {0x1E2C, 0x1E2F, "i"}, {0x1E30, 0x1E35, "k"},
    {0x1E36, 0x1E3D, "l"}, {0x1E3E, 0x1E43, "m"}, {0x1E44, 0x1E4B, "n"}, {0x1E4C, 0x1E53, "o"}, {0x1E54, 0x1E57, "p"},
    {0x1E58, 0x1E5F, "r"}, {0x1E60, 0x1E69, "s"}, {0x1E6A, 0x1E71, "t"}, {0x1E72, 0x1E7B, "u"}, {0x1E7C, 0x1E7F, "v"},
    {0x1E80, 0x1E89, "w"}, {0x1E8A, 0x1E8D, "x"}, {0x1E8E, 0x1E8F, "y"}, {0x1E90, 0x1E95, "z"}, {0x1E9E, 0x1E9E, "ss"},
    {0x1EA0, 0x1EB7, "a"}, {0x1EB8, 0x1EC7, "e"}, {0x1EC8, 0x1ECB, "i"}, {0x1ECC, 0x1EE3, "o"}, {0x1EE4, 0x1EF1, "u"},
    {0x1EF2, 0x1EF9, "y"},
};

// The next code point of UTF-8 text; invalid bytes are taken one at a time as themselves.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const unsigned char c = s[i];
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (c < 0x80) {
        ++i;
        return c;
    }
    if (extra == 0 || c >= 0xF8 || i + std::size_t(extra) >= s.size()) {
        ++i;
        return 0xFFFD;  // not UTF-8: the replacement character, never a letter
    }
    std::uint32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        const unsigned char b = s[i + k];
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += std::size_t(extra) + 1;
    return cp;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
    else if (cp < 0x10000) out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
    else out += char(0xF0 | (cp >> 18)), out += char(0x80 | ((cp >> 12) & 0x3F)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool a_word_starts_with(std::string_view s, std::string_view q) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((i == 0 || s[i - 1] == ' ') && starts_with(s.substr(i), q)) return true;
    return false;
}
}  // namespace

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::uint32_t cp = next_code_point(s, i);
        if (cp < 0x80) {
            char c = char(cp);
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            if (c == '-' || c == '.' || c == ',' || c == '_' || c == '/' || c == '(' || c == ')' || c == '\t') c = ' ';
            if (c == '\'') continue;
            if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
            out += c;
            continue;
        }
        if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x2BC || cp == 0x2019 || cp == 0x2BB) continue;  // marks, apostrophes
        const Fold* f = std::find_if(std::begin(kFolds), std::end(kFolds), [&](const Fold& x) { return cp >= x.lo && cp <= x.hi; });
        if (f != std::end(kFolds)) out += f->to;
        else append_utf8(out, cp);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;  // equal, or b has one more at the end
    if (a.size() == b.size()) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true;  // a substitution
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);  // a swap
    }
    return a.substr(i) == b.substr(i + 1);  // b has one more inside
}

void SearchIndex::build(const Dataset& d, const std::vector<std::pair<std::string, std::string>>& country_names,
                        const std::vector<std::pair<int, std::string>>& field_names) {
    field_names_.assign(d.fields.size(), {});
    for (std::size_t k = 0; k < d.fields.size(); ++k) field_names_[k].push_back(fold(d.fields[k].name));
    for (const auto& [k, name] : field_names)
        if (k >= 0 && k < int(field_names_.size())) field_names_[std::size_t(k)].push_back(fold(name));
    cities_.clear();
    cities_.reserve(d.cities.size());
    countries_.clear();
    std::vector<std::string> codes;
    for (const City& c : d.cities) {
        Entry e;
        e.names.push_back(fold(c.local_name));
        e.names.push_back(fold(c.name));
        for (const auto& alt : c.alt_names) e.names.push_back(fold(alt));
        auto code = std::find(codes.begin(), codes.end(), c.country);
        if (code == codes.end()) {
            codes.push_back(c.country);
            countries_.emplace_back();
            if (!c.country_name.empty()) countries_.back().push_back(fold(c.country_name));
            for (const auto& [iso2, name] : country_names)
                if (iso2 == c.country) countries_.back().push_back(fold(name));
            code = codes.end() - 1;
        }
        e.country = int(code - codes.begin());
        for (const auto& g : c.designations)
            if (g.field >= 0 && std::find(e.fields.begin(), e.fields.end(), g.field) == e.fields.end()) e.fields.push_back(g.field);
        e.sort_key = e.names[0];
        e.mexico = c.country == "MX";
        cities_.push_back(std::move(e));
    }
}

void SearchIndex::match_names(const std::vector<std::vector<std::string>>& names, const std::string& q,
                              std::vector<int>& score, int exact, int prefix, int typo) {
    score.assign(names.size(), 0);
    if (q.empty()) return;
    for (std::size_t k = 0; k < names.size(); ++k)
        for (const auto& name : names[k]) {
            if (name == q) score[k] = std::max(score[k], exact);
            else if (starts_with(name, q) || a_word_starts_with(name, q)) score[k] = std::max(score[k], prefix);
            else if (q.size() >= 4 && within_one_edit(name, q)) score[k] = std::max(score[k], typo);
        }
}

std::vector<SearchResult> SearchIndex::find(std::string_view query, const std::vector<bool>& shown, std::size_t limit) const {
    const std::string q = fold(query);
    std::vector<SearchResult> out;
    if (q.empty()) return out;
    const bool long_enough = q.size() >= 3, typo_ok = q.size() >= 4;
    // A country named exactly outranks a name one letter off; fields come last.
    std::vector<int> country_score, field_score;
    match_names(countries_, long_enough ? q : std::string(), country_score, 350, 200, 180);
    match_names(field_names_, long_enough ? q : std::string(), field_score, 150, 150, 150);
    for (int i = 0; i < int(cities_.size()); ++i) {
        const Entry& e = cities_[std::size_t(i)];
        int best = 0;
        const char* why = "";
        auto consider = [&](int score, const char* reason) {
            if (score > best) best = score, why = reason;
        };
        for (std::size_t n = 0; n < e.names.size(); ++n) {
            const std::string_view name = e.names[n];  // views: no allocation per comparison
            const int other = n < 2 ? 0 : 50;  // a former or other name counts a little less
            const char* reason = n < 2 ? "name" : "other name";
            if (name == q) consider(1000 - other, reason);
            else if (starts_with(name, q)) consider(800 - other, reason);
            else if (a_word_starts_with(name, q)) consider(600 - other, reason);
            else if (long_enough && name.find(q) != std::string_view::npos) consider(400 - other, reason);
            else if (typo_ok && (within_one_edit(name, q) || within_one_edit(name.substr(0, q.size()), q) ||
                                 (name.size() > q.size() && within_one_edit(name.substr(0, q.size() + 1), q))))
                consider(300 - other, "one letter off");
        }
        if (e.country >= 0) consider(country_score[std::size_t(e.country)], "country");
        for (int f : e.fields) consider(field_score[std::size_t(f)], "field");
        if (best > 0) out.push_back({i, best, why});
    }
    auto is_shown = [&](int i) { return i < int(shown.size()) && shown[std::size_t(i)]; };
    const std::size_t keep = std::min(limit, out.size());
    std::partial_sort(out.begin(), out.begin() + long(keep), out.end(), [&](const SearchResult& a, const SearchResult& b) {
        if (a.score != b.score) return a.score > b.score;
        const Entry &ea = cities_[std::size_t(a.city)], &eb = cities_[std::size_t(b.city)];
        if (ea.mexico != eb.mexico) return ea.mexico;
        if (is_shown(a.city) != is_shown(b.city)) return is_shown(a.city);
        return ea.sort_key < eb.sort_key;
    });
    out.resize(keep);
    return out;
}

}  // namespace atlas
