#include "app/check_data.h"

#include <cstdio>

#include "core/dataset_loader.h"

namespace atlas {

int check_data_command(const platform::Options& o) {
    const LoadResult r = check_data_files(o.check_files, o.data_dir);
    for (const auto& p : r.problems) std::printf("%s\n", p.to_string().c_str());
    const int errors = r.error_count(), warnings = int(r.problems.size()) - errors;
    std::fprintf(stderr, "atlas: %d error%s, %d warning%s in %zu file%s; %zu cities, %zu links and %zu tours would load\n",
                 errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", o.check_files.size(),
                 o.check_files.size() == 1 ? "" : "s", r.dataset.cities.size(), r.dataset.links.size(), r.dataset.tours.size());
    return errors ? 1 : 0;
}

}  // namespace atlas
