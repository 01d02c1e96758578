# Writes the shell completion scripts by running the built binary:
#   cmake -DKAOHE=path/to/kaohe -DOUT=dir -P completions.cmake
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${KAOHE} completion bash OUTPUT_FILE ${OUT}/kaohe
                RESULT_VARIABLE bash_rc)
execute_process(COMMAND ${KAOHE} completion zsh OUTPUT_FILE ${OUT}/_kaohe
                RESULT_VARIABLE zsh_rc)
if(NOT bash_rc EQUAL 0 OR NOT zsh_rc EQUAL 0)
  message(FATAL_ERROR "kaohe completion failed")
endif()
