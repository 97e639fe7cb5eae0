// Finding a city by what a visitor types: its English or local name (or another name it has), its
// country in any of the app's languages, or a creative field ("música", "gastronomie"). Case and
// accents do not matter ("queretaro" finds Querétaro, "krakow" Kraków), and one typo is forgiven.
// Results are ranked: exact names, then names starting with the query, then words starting with
// it, then names containing it, then a country named exactly, then names one typo away, then
// countries starting with it, then fields; Mexico's cities come first among equals, then the
// cities shown now, then by name.
//
// The index is built once per dataset (names are folded then, not per query), so a query on
// 100,000 cities stays well under a frame.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace atlas {

// Lower-case ASCII-ish form for matching: accents removed, ß -> ss, œ -> oe, ł -> l; other
// characters kept as they are (lower-cased where they are ASCII).
std::string fold(std::string_view utf8);

// At most one edit (insert, delete, substitute or swap two neighbours) between a and b.
bool within_one_edit(std::string_view a, std::string_view b);

struct SearchResult {
    int city = -1;
    int score = 0;
    std::string why;  // what matched: "name", "other name", "one letter off", "country", "field"
};

class SearchIndex {
public:
    // `country_names` and `field_names`: extra names to match (other languages), by ISO code and
    // field index; the dataset's own names are always included.
    void build(const Dataset& d, const std::vector<std::pair<std::string, std::string>>& country_names = {},
               const std::vector<std::pair<int, std::string>>& field_names = {});
    // `shown`: by city, whether it passes the filters now (ranks shown cities first among equals).
    std::vector<SearchResult> find(std::string_view query, const std::vector<bool>& shown, std::size_t limit = 10) const;
    bool empty() const { return cities_.empty(); }

private:
    struct Entry {
        std::vector<std::string> names;  // folded; [0] local name, [1] English name, then others
        int country = -1;  // into countries_
        std::vector<int> fields;
        std::string sort_key;
        bool mexico = false;
    };
    std::vector<Entry> cities_;
    std::vector<std::vector<std::string>> field_names_;  // folded, by field index
    std::vector<std::vector<std::string>> countries_;    // folded names of each country the data has
    // How well the query matches each country and field: computed once per query, not per city.
    static void match_names(const std::vector<std::vector<std::string>>& names, const std::string& q,
                            std::vector<int>& score, int exact, int prefix, int typo);
};

}  // namespace atlas
