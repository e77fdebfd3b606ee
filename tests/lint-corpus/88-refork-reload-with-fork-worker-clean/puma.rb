# frozen_string_literal: true

workers 4
fork_worker
preload_app! false
