// FNV-1a, eight bytes at a time: a number that changes when what was mixed into it does. The keys
// of frames, pictures, links and placed names are made with it; they are compared within one run
// only, never stored.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace atlas {

struct Fnv1a {
    std::uint64_t value = 1469598103934665603ull;

    Fnv1a& mix(const void* data, std::size_t size) {
        const auto* b = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (std::uint64_t word; i + 8 <= size; i += 8) std::memcpy(&word, b + i, 8), value = (value ^ word) * kPrime;
        for (; i < size; ++i) value = (value ^ b[i]) * kPrime;
        return *this;
    }
    template <class T>
        requires std::is_trivially_copyable_v<T>
    Fnv1a& mix(const T& v) {
        return mix(&v, sizeof v);
    }

private:
    static constexpr std::uint64_t kPrime = 1099511628211ull;
};

}  // namespace atlas
