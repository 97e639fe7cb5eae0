// Where each record of a kind is in its list, by id (core/record_reader.h's Upserter). Kept across
// the files of a kind while they load, so that each file indexes only the records it adds: merging
// is linear in the records, not in the files times the records (100,000 cities in four files
// indexed 250,000 ids more).
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>

namespace atlas::records {
using RecordIndex = std::unordered_map<std::string, std::size_t>;
}  // namespace atlas::records
