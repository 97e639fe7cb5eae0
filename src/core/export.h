// What a person sees, as files to take away: the cities that pass the filters as a table (CSV, one
// row per city and designation, sources included) and as GeoJSON with the links drawn now.
// Pure functions of the atlas, so the web page, the native app and the tests share them.
#pragma once
#include <string>

#include "core/atlas.h"

namespace atlas {

// How a spreadsheet of the reader's language expects a CSV: Spanish and French spreadsheets split
// on ';' and read ',' as the decimal mark (from the catalogue's "numbers").
struct CsvStyle {
    char separator = ',';
    char decimal = '.';
};

// UTF-8 with a byte-order mark (so spreadsheets detect UTF-8), a header row, CRLF line ends;
// fields quoted where they hold the separator, quotes or line breaks.
std::string export_csv(const Atlas& a, CsvStyle style = {});
// RFC 7946: Point features for the cities, LineString/MultiLineString (great circles, cut at the
// antimeridian) for the links drawn now.
std::string export_geojson(const Atlas& a);

}  // namespace atlas
