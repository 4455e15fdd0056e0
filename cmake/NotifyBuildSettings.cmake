# SPDX-License-Identifier: MIT
#
# One INTERFACE target that every notify target links: warnings, strict Qt
# defines and, on request, sanitizers and -Werror. Keeping them here means a
# flag is changed in one place for the whole tree.

add_library(notify_build_settings INTERFACE)
add_library(Notify::BuildSettings ALIAS notify_build_settings)

set(_notify_warnings
    -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)
target_compile_options(notify_build_settings INTERFACE
    "$<$<CXX_COMPILER_ID:GNU,Clang>:${_notify_warnings}>")

target_compile_definitions(notify_build_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER)

if(NOTIFY_WERROR)
    target_compile_options(notify_build_settings INTERFACE
        $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror>)
endif()

if(NOTIFY_SANITIZE)
    target_compile_options(notify_build_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(notify_build_settings INTERFACE -fsanitize=address,undefined)
endif()
