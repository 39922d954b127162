"""한국어 (Korean): the same keys as en.py, written for a Korean classroom in 해요체.

Machine-learning terms are the ones Korean teachers use (손실, 정확도, 에포크, 배치 크기, 검증, 과적합,
혼동 행렬, 소프트맥스, 옵티마이저), with the English or Keras name in parentheses where a teacher expects
to see it. Placeholders in {braces} are the same as in en.py.
"""

MESSAGES: dict[str, str] = {
    # App, navigation and sidebar
    "app.title": "신경망은 어떻게 글씨를 읽게 될까요?",
    "nav.home": "홈",
    "nav.train": "학습",
    "nav.draw": "그리기",
    "nav.mistakes": "오답",
    "sidebar.dataset": "데이터셋",
    "sidebar.dataset_help": "모든 페이지가 여기서 고른 데이터셋을 써요.",
    "sidebar.language": "언어 · Language",
    # Shared words
    "dataset.mnist": "손글씨 숫자 (MNIST)",
    "dataset.fashion_mnist": "패션 (Fashion-MNIST)",
    "dataset.mnist.short": "숫자",
    "dataset.fashion_mnist.short": "패션",
    "model.mlp": "완전 연결 (Dense, 튜토리얼 모델)",
    "model.cnn": "합성곱 신경망 (CNN)",
    "model.mlp.short": "Dense",
    "model.cnn.short": "CNN",
    "model.with_augmentation": "{model} + 증강",
    "classes.fashion_mnist.0": "티셔츠/탑",
    "classes.fashion_mnist.1": "바지",
    "classes.fashion_mnist.2": "풀오버",
    "classes.fashion_mnist.3": "드레스",
    "classes.fashion_mnist.4": "코트",
    "classes.fashion_mnist.5": "샌들",
    "classes.fashion_mnist.6": "셔츠",
    "classes.fashion_mnist.7": "스니커즈",
    "classes.fashion_mnist.8": "가방",
    "classes.fashion_mnist.9": "앵클 부츠",
    "common.right_mark": "✓",
    "common.wrong_mark": "✗",
    "common.data_missing": "이 서버에서는 {dataset} 데이터셋을 쓸 수 없어요.",
    "units.seconds": "{seconds:.1f}초",
    # Errors: what a person can do (the error's own message, with paths and commands, follows in English)
    "errors.details": "자세한 내용 (서버 관리자용, 영어):",
    "errors.data_not_found": (
        "이 서버에 아직 이미지 파일이 없어요. 서버를 관리하는 사람이 프로젝트 폴더에서 `{command}` 명령을 "
        "한 번 실행하면 내려받을 수 있어요."
    ),
    "errors.data_damaged": (
        "데이터 사본을 찾았지만 손상되었거나 일부가 빠져 있어요. 그 사본을 지우고 `{command}` 명령으로 새로 "
        "내려받으세요."
    ),
    "errors.data_unreadable": "데이터 파일을 읽을 수 없어요. 폴더의 접근 권한을 확인해 주세요.",
    "errors.model_unreadable": "저장된 모델 파일이 없거나 손상되었어요. 학습 페이지에서 새 모델을 학습시키세요.",
    "errors.not_saved": "서버의 디스크 공간과 학습 기록 폴더의 쓰기 권한을 확인한 뒤 다시 학습시키세요.",
    "errors.training_failed": "다시 시도해 보세요. 또 실패하면 아래 내용을 서버 관리자에게 보여 주세요.",
    "errors.bad_settings": "각 설정은 정해진 범위 안의 정수여야 해요.",
    # Charts
    "chart.epoch": "에포크",
    "chart.loss": "손실(loss)",
    "chart.accuracy": "정확도(accuracy)",
    "chart.value": "손실 / 정확도",
    "chart.train": "훈련",
    "chart.validation": "검증 (테스트 이미지)",
    "chart.batch_loss": "배치를 처리하는 동안의 손실",
    "chart.batch_loss_help": (
        "각 점은 그 에포크에서 지금까지의 평균 손실이에요. 그래서 새 에포크가 시작될 때마다 선이 조금 더 "
        "낮은 곳에서 다시 시작해요."
    ),
    "chart.curve.loss": "손실 (loss)",
    "chart.curve.val_loss": "검증 손실 (val_loss)",
    "chart.curve.accuracy": "정확도 (accuracy)",
    "chart.curve.val_accuracy": "검증 정확도 (val_accuracy)",
    "chart.four_curves_alt": "에포크마다 기록한 손실, 검증 손실, 정확도, 검증 정확도 그래프.",
    "chart.overlay_alt": "체크한 학습 기록의 에포크별 검증 정확도와 튜토리얼의 결과를 함께 그린 그래프.",
    # Saved runs (Train, Draw and Mistakes pages)
    "runs.status.finished": "✓ 완료",
    "runs.status.stopped": "■ 중간에 멈춤",
    "runs.label": "{dataset} · {model} · {epochs} 에포크 · 정확도 {accuracy} · {when} · {status}",
    "runs.short_label": "{dataset} · {model} · {epochs} 에포크 · {when}",
    "runs.epochs_of": "{done} / {asked}",
    "runs.reference": "튜토리얼, {dataset}, {epochs} 에포크: {accuracy}",
    "runs.source.tutorial": "튜토리얼",
    "runs.source.ours": "이 앱 ({when})",
    "runs.col.dataset": "데이터셋",
    "runs.col.model": "모델",
    "runs.col.epochs": "에포크",
    "runs.col.batch": "배치 크기",
    "runs.col.accuracy": "테스트 정확도",
    "runs.col.fit": "학습 시간",
    "runs.col.when": "학습한 시각",
    "runs.col.status": "상태",
    "runs.col.source": "학습한 곳",
    # Home page
    "home.title": "신경망은 어떻게 글씨를 읽게 될까요?",
    "home.intro": (
        "컴퓨터에게 그림은 숫자가 가득 찬 격자예요. 이 앱에서는 작은 신경망이 예시 60,000개를 보면서, 어떤 "
        "격자가 어떤 숫자인지(또는 어떤 옷인지) 배워요.\n\n"
        "- **학습**: 얼마나 오래 배울지 정하고, 에포크마다 실력이 느는 모습을 지켜봐요.\n"
        "- **그리기**: 숫자를 직접 그려서 신경망이 무엇으로 읽는지, 실제로 무엇을 보는지 확인해요.\n"
        "- **오답**: 신경망이 틀린 테스트 이미지를 살펴봐요. 여러분이라면 맞혔을까요?"
    ),
    "home.data.title": "데이터: {dataset}",
    "home.data.train": "훈련 이미지",
    "home.data.test": "테스트 이미지",
    "home.data.size": "이미지 크기",
    "home.data.size_value": "{height} × {width} 픽셀",
    "home.data.classes": "클래스 수",
    "home.data.scaling": (
        "각 픽셀은 0(검은색)부터 255(흰색)까지의 숫자예요. 학습하기 전에 모든 값을 255로 나누기 때문에 "
        "신경망은 0부터 1까지의 값을 보게 돼요."
    ),
    "home.samples.title": "무작위로 고른 훈련 이미지 20장",
    "home.samples.new": "다른 이미지 보기",
    "home.samples.fashion_classes": "열 가지 클래스: {names}.",
    "home.model.title": "모델",
    "home.model.intro": (
        "28 × 28 픽셀을 784개 숫자가 한 줄로 늘어서도록 펼치고, 유닛 {hidden}개짜리 은닉층이 이 숫자들을 "
        "조합해요. 출력층은 클래스마다 하나씩, 모두 더하면 1이 되는 확률 열 개를 내놓아요."
    ),
    "home.model.layer": "층 (layer)",
    "home.model.kind": "종류",
    "home.model.output_shape": "출력 모양",
    "home.model.parameters": "파라미터 수",
    "home.model.layer.flatten": "flatten (펼치기)",
    "home.model.layer.hidden": "hidden (은닉층)",
    "home.model.layer.output": "output (출력층)",
    "home.model.total": "전체 파라미터: **{total}**개. 학습은 이 값들을 하나도 빠짐없이 조정해요.",
    "home.ready.title": "숫자 모델이 준비되었나요?",
    "home.ready.yes": "네. {epochs} 에포크 동안 학습한 모델({when})이 테스트 숫자의 {accuracy}를 맞혀요.",
    "home.ready.no": (
        "아직이에요. 학습 페이지에서 모델을 학습시키거나(튜토리얼처럼 10 에포크면 1분 30초쯤 걸려요), "
        "그리기 페이지에서 빠른 학습을 시작하세요."
    ),
    "home.ready.other_model": (
        "지금도 숫자 그림을 읽을 수 있는 모델이 있어요({model}, {epochs} 에포크). 그림을 읽으려고 만든 모델, 곧 "
        "변형한 사본으로 학습한 작은 CNN이 손글씨를 더 잘 읽어요. `bash scripts/start.sh`가 한 번 학습해 둬요."
    ),
    "home.ready.go_draw": "숫자 그리러 가기",
    "home.ready.go_train": "학습 페이지로 가기",
    "home.ready.other": "최근 {dataset} 모델: {epochs} 에포크, 테스트 이미지 정확도 {accuracy}.",
    "learn.data.title": "MNIST와 Fashion-MNIST는 어떤 데이터인가요?",
    "learn.data.body": (
        "**MNIST**(Modified National Institute of Standards and Technology)는 0부터 9까지 손으로 쓴 숫자 "
        "70,000개를 모은 데이터셋이에요. 미국 고등학생들과 인구조사국 직원들이 쓴 숫자를 스캔해서 만들었어요. "
        "한 장 한 장이 28 × 28 크기의 회색조 그림이고, 어떤 숫자인지 알려 주는 **레이블**(정답)이 붙어 "
        "있어요. 60,000장은 학습에 쓰고 10,000장은 시험용으로 따로 떼어 둬요. 그래야 신경망이 한 번도 보지 "
        "못한 그림에서도 잘하는지 확인할 수 있어요.\n\n"
        "**Fashion-MNIST**는 형식이 MNIST와 똑같아요(28 × 28 회색조 그림 70,000장, 10개 클래스, 훈련 "
        "60,000장과 테스트 10,000장). 다만 숫자 대신 온라인 쇼핑몰 잘란도(Zalando)의 옷, 신발, 가방 사진이 "
        "들어 있어요. 레이블도 "
        "0~9의 숫자이고, 숫자마다 티셔츠나 바지 같은 품목 하나를 뜻해요. 숫자보다 어려운 문제를 내려고 "
        "만들었어요. 셔츠와 코트는 1과 0보다 훨씬 헷갈리거든요."
    ),
    "learn.scaling.title": "왜 모든 픽셀 값을 255로 나눌까요?",
    "learn.scaling.body": (
        "픽셀 값은 0(잉크 없음)부터 255(가장 진한 잉크)까지의 정수로 저장돼요. 가장 큰 값인 255로 나누면 "
        "그림은 조금도 바뀌지 않은 채 모든 값이 0과 1 사이로 들어와요. 255는 1.0이, 128은 약 0.5가 돼요.\n\n"
        "신경망은 입력에 작은 무작위 가중치를 곱해서 더하는 것부터 시작해요. 입력이 255처럼 크면 이 합이 "
        "처음부터 지나치게 커서, 마지막 소프트맥스가 극단적인 값을 내고 처음 몇 번의 수정이 너무 멀리 "
        "튀어요. 입력이 작고 크기가 고르면 합도 적당해서 학습이 더 안정적이고 빨라요. 다른 머신러닝 "
        "방법에서 특성(feature)의 크기를 맞춰 주는 스케일링과 같은 생각이에요."
    ),
    # Train page
    "train.title": "신경망 학습시키기",
    "train.intro": (
        "학습하는 동안 신경망은 훈련 이미지를 **배치**(batch) 단위로 나누어 보고, 그것을 여러 번 되풀이해요. "
        "전체를 한 바퀴 보는 것이 **에포크**(epoch)예요. 배치 하나를 볼 때마다 실수가 줄어드는 쪽으로 "
        "파라미터를 조금씩 고쳐요. 다른 페이지로 가도 학습은 계속돼요."
    ),
    "train.settings.title": "설정",
    "train.settings.dataset": "데이터셋: **{dataset}** (사이드바에서 바꿀 수 있어요).",
    "train.settings.epochs": "에포크 수",
    "train.settings.epochs_help": "신경망이 훈련 이미지 전체를 몇 번 볼지 정해요. 튜토리얼은 10이에요.",
    "train.settings.batch": "배치 크기",
    "train.settings.batch_help": "한 번 고치기 전에 몇 장의 이미지를 볼지 정해요. 튜토리얼은 100이에요.",
    "train.settings.hidden": "은닉 유닛 수",
    "train.settings.hidden_help": "은닉층의 크기예요. 튜토리얼은 1000이에요.",
    "train.settings.model": "모델",
    "train.settings.model_help": (
        "완전 연결 신경망은 튜토리얼의 모델이에요. 합성곱 신경망은 이미지의 작은 조각들을 먼저 살펴봐요"
        "(은닉층 유닛은 최대 128개)."
    ),
    "train.settings.augment": "데이터 증강(augmentation)",
    "train.settings.augment_help": (
        "에포크마다 훈련 이미지를 조금씩 돌리고, 키우거나 줄이고, 옮기고, 획을 굵거나 가늘게 바꿔서 보여 줘요. "
        "학습은 더 오래 걸리지만 사람이 직접 그린 숫자를 더 잘 읽어요."
    ),
    "train.start": "학습 시작",
    "train.start_busy": "학습이 아직 진행 중이에요. 먼저 멈추거나 끝날 때까지 기다려 주세요.",
    "train.stop": "멈추기",
    "train.stop_help": "지금 처리하는 배치들이 끝나면 멈춰요. 그때까지 배운 것은 학습 기록으로 남아요.",
    "train.stopping": "멈추는 중…",
    "train.leave_queue": "대기열에서 나가기",
    "train.bad_settings": "이 설정으로는 학습할 수 없어요.",
    "train.progress.title": "내 학습 ({dataset})",
    "train.queued": "서버에 자리가 나기를 기다리는 중이에요. 대기 순서: {position}번째. 차례가 되면 저절로 시작해요.",
    "train.getting_ready": "준비하는 중이에요. 이미지를 불러오고 신경망을 만들고 있어요…",
    "train.epoch_of": "에포크 {epoch} / {epochs}",
    "train.elapsed": "{time} 지남",
    "train.left": "약 {time} 남음",
    "train.left_unknown": "남은 시간을 계산하는 중",
    "train.first_epoch": "첫 번째 에포크를 학습하는 중이에요. 에포크가 끝나면 결과가 여기에 나타나요.",
    "train.done.finished": "✓ 완료: {epochs} 에포크.",
    "train.done.stopped": "■ {epochs} 에포크 뒤에 멈췄어요. 지금까지 학습한 모델은 저장했어요.",
    "train.failed": "✗ 학습 실패: {error}",
    "train.failed_title": "✗ 학습에 실패했어요.",
    "train.not_saved": "모델 학습은 끝났지만 저장하지 못했어요.",
    "train.cancelled": "학습이 시작되기 전에 대기열에서 나갔어요.",
    "train.result.test_loss": "테스트 손실",
    "train.result.test_accuracy": "테스트 정확도",
    "train.result.fit_time": "학습 시간",
    "train.result.tutorial": "튜토리얼, {epochs} 에포크",
    "train.runs.title": "저장된 학습 기록",
    "train.runs.none": "아직 저장된 학습 기록이 없어요. 위에서 학습을 시작해 보세요.",
    "train.runs.tick": "비교하고 싶은 기록을 표에서 체크하세요.",
    "train.runs.overlay": "에포크별 검증 정확도",
    "train.runs.compare": "테스트 정확도: 튜토리얼과 이 앱",
    "train.runs.compare_note": "결과는 학습할 때마다 조금씩 달라요. 매번 무작위 가중치에서 출발하기 때문이에요.",
    "learn.layers.title": "층(layer)과 소프트맥스",
    "learn.layers.body": (
        "튜토리얼의 신경망은 층이 세 개예요.\n\n"
        "1. **Flatten**: 28 × 28 그림을 숫자 784개가 한 줄로 늘어선 모양으로 펼쳐요. 배우는 것은 없고 "
        "모양만 바꿔요.\n"
        "2. **Dense, 유닛 1000개, ReLU**: 유닛마다 784개 픽셀에 자기만의 가중치를 곱해 모두 더하고 "
        "편향(bias)을 더해요. 결과가 양수면 그대로 넘기고 음수면 0으로 바꿔요(이것이 ReLU예요). 가중치 "
        "784,000개와 편향 1,000개가 있어요.\n"
        "3. **Dense, 유닛 10개, 소프트맥스(softmax)**: 클래스마다 점수를 하나씩 내요. **소프트맥스**는 이 "
        "열 개의 점수를 확률로 바꿔요. 확률은 하나하나가 0과 1 사이이고, 열 개를 모두 더하면 1이며, 점수가 "
        "높을수록 확률도 높아요. 확률이 가장 높은 클래스가 신경망의 답이에요."
    ),
    "learn.loss.title": "손실 함수: sparse categorical cross-entropy",
    "learn.loss.body": (
        "**손실(loss)**은 신경망이 얼마나 틀렸는지를 숫자 하나로 나타낸 값이에요. 교차 엔트로피"
        "(cross-entropy)는 *정답* 클래스에 준 확률만 보고, 그 확률의 로그에 마이너스를 붙여요. 정답에 0.9를 "
        "주면 손실이 약 0.11, 0.5면 0.69, 0.01이면 4.6이에요. 확신하면서 틀리면 손실이 아주 커져요.\n\n"
        "**sparse**(희소)는 레이블을 7처럼 클래스 번호 그대로 둔다는 뜻이에요. sparse가 붙지 않은 쪽은 "
        "레이블을 1이 딱 하나만 있는 숫자 열 개로 바꿔서 줘야 해요(원-핫 인코딩: 0,0,0,0,0,0,0,1,0,0). 두 "
        "방법의 손실 값은 똑같아요. sparse 쪽이 그 변환을 생략하게 해 줄 뿐이에요.\n\n"
        "함께 보여 주는 평가 지표인 **정확도(accuracy)**는 더 간단해요. 가장 높은 확률이 정답 클래스에 간 "
        "이미지의 비율이에요."
    ),
    "learn.optimizer.title": "옵티마이저(optimizer): adam",
    "learn.optimizer.body": (
        "배치 하나를 보고 나면 신경망은 파라미터 하나하나에 대해, 어느 쪽으로 조금 바꾸면 손실이 줄어드는지 "
        "계산해요. 이것을 **기울기**(gradient)라고 해요. 얼마나 멀리 움직일지는 **옵티마이저**가 정해요. "
        "기본적인 경사 하강법은 모든 파라미터를 같은 보폭으로 움직여요. **Adam**은 파라미터마다 최근 기울기의 "
        "평균을 기억해 두고 보폭을 조절해요. 기울기가 꾸준히 같은 쪽을 가리키면 성큼성큼, 이리저리 흔들리면 "
        "조심조심 움직여요. 따로 조정하지 않아도 잘 동작해서 튜토리얼도 adam을 써요."
    ),
    "learn.batches.title": "에포크와 배치 크기",
    "learn.batches.body": (
        "**에포크**(epoch)는 훈련 이미지 60,000장을 처음부터 끝까지 한 번 보는 것이에요. **배치 크기**"
        "(batch size)는 스스로를 한 번 고치기 전에 보는 이미지 수예요. 튜토리얼처럼 100으로 하면 에포크 "
        "하나에 600번 고쳐요.\n\n"
        "- **전체 배치**(full batch, 배치 크기 60,000, 경사 하강법 GD): 모든 이미지를 본 뒤 에포크마다 한 "
        "번만 고쳐요. 고치는 방향은 정확하지만 횟수가 아주 적어요.\n"
        "- **미니 배치**(mini-batch, 예: 100, 확률적 경사 하강법 SGD): 적은 이미지를 보고 자주 고쳐요. 한 번 "
        "한 번은 조금 부정확해도, 모이면 훨씬 빨리 나아져요.\n\n"
        "직접 해 보세요. 배치 크기 100으로 1 에포크, 60,000으로 1 에포크를 학습하고 정확도를 비교해 봐요."
    ),
    "learn.curves.title": "학습 곡선 읽는 법",
    "learn.curves.body": (
        "에포크가 끝날 때마다 신경망은 두 번 채점을 받아요. 한 번은 배우는 데 쓰는 훈련 이미지로(**loss**, "
        "**accuracy**), 또 한 번은 배우는 데 쓰지 않는 테스트 이미지 10,000장으로(**val_loss**, "
        "**val_accuracy**) 채점해요. 튜토리얼처럼 이 앱도 테스트 이미지를 검증(validation)에 써요.\n\n"
        "- 손실은 내려가고 정확도는 올라가요: 잘 배우고 있어요.\n"
        "- 훈련 곡선과 검증 곡선이 가까워요: 배운 것이 새 그림에도 통해요.\n"
        "- 훈련 성적은 계속 좋아지는데 검증 성적은 제자리예요: 새 그림에 대해서는 배울 만큼 배웠어요. "
        "에포크를 늘리면 주로 훈련 이미지를 외우게 돼요."
    ),
    "learn.overfitting.title": "과적합(overfitting): val_loss가 올라갈 때",
    "learn.overfitting.body": (
        "**과적합**은 신경망이 훈련 이미지에 점점 더 꼭 맞춰져서 그 이미지들의 우연한 특징까지 외우는 "
        "동안, 새 이미지에서는 나아지지 않거나 오히려 나빠지는 현상이에요. 가장 분명한 신호는 **loss는 계속 "
        "내려가는데 val_loss가 올라가는 것**이에요.\n\n"
        "튜토리얼에서도 이런 일이 있었어요. 10 에포크 뒤의 테스트 손실은 0.0741(정확도 0.9804)이었어요. "
        "200 에포크 뒤에는 정확도가 0.9855로 조금 올랐지만, 테스트 손실은 0.1486으로 두 배가 되었고 학습에 "
        "9분 넘게 걸렸어요. 정확도는 1등 답이 맞았는지만 보지만, 손실은 얼마나 확신했는지도 따져요. 200 "
        "에포크쯤 되면 신경망은 틀린 답까지 모든 답을 지나치게 확신하고, 그 틀린 확신이 손실을 크게 키워요.\n\n"
        "직접 확인하려면 50 에포크 이상 학습하고 val_loss 곡선을 지켜보세요."
    ),
    # Draw page
    "draw.title": "숫자 그리기",
    "draw.intro": "검은 정사각형 한가운데에 숫자 하나를 크게 그려 보세요. 한 획을 그을 때마다 신경망이 읽어요.",
    "draw.fashion_note": (
        "그리기는 숫자 전용이에요. 패션 데이터셋은 옷 사진이라 직접 그리기 어렵거든요. 이 페이지에서는 숫자 "
        "모델을 써요."
    ),
    "draw.switch_to_digits": "앱을 숫자 데이터셋으로 바꾸기",
    "draw.no_model": "아직 숫자 모델이 없어서 그림을 읽을 수 없어요.",
    "draw.quick_train": "빠른 숫자 모델 학습하기 ({epochs} 에포크)",
    "draw.quick_train_help": "1~2분 걸려요. 끝나면 이 서버를 쓰는 모든 사람이 이 모델을 쓸 수 있어요.",
    "draw.go_train": "또는 내 설정으로 학습하기",
    "draw.model_help": (
        "그림 읽기에 가장 좋은 숫자 실행으로 시작해요. 데이터 증강으로 학습한 실행이 있으면 그것을, "
        "그다음에는 테스트 정확도가 가장 높은 실행을 골라요. 비교하려면 다른 실행을 골라 보세요."
    ),
    "draw.model": "모델",
    "draw.clear": "지우기",
    "draw.loading_model": "모델을 불러오는 중…",
    "draw.model_unreadable": "이 모델은 쓸 수 없어요.",
    "draw.blank": "아직 아무것도 그리지 않았어요. 검은 정사각형에 숫자를 그려 보세요.",
    "draw.too_small": "너무 작아요. 정사각형을 거의 채울 만큼 크게 그려 보세요.",
    "draw.too_full": "정사각형이 거의 다 하얘요. 지우기를 누르고, 칠하지 말고 선으로 숫자 하나만 그려 보세요.",
    "draw.prediction": "신경망이 읽은 숫자",
    "draw.confidence": "확신도 {confidence}",
    "draw.chart.class": "숫자",
    "draw.chart.probability": "확률",
    "draw.sees.title": "모델이 보는 그림",
    "draw.sees.help": (
        "그림은 MNIST 숫자와 똑같은 과정을 거쳐요. 잉크가 있는 부분만 잘라 내고, 긴 쪽이 20픽셀이 되도록 "
        "줄이고, 28 × 28 정사각형 안에 넣은 다음, 무게중심이 한가운데 오도록 옮겨요."
    ),
    "draw.sees.input": "모델의 입력: 28 × 28",
    "draw.step.ink": "1. 내가 그린 그림",
    "draw.step.cropped": "2. 잉크 부분만 자르기",
    "draw.step.scaled": "3. 긴 쪽을 20픽셀로 ({height} × {width})",
    "draw.step.padded": "4. 28 × 28 안에 넣기",
    "draw.step.centred": "5. 무게중심을 가운데로 옮기기",
    "learn.prepare.title": "왜 그림을 잘라 내고 가운데로 옮길까요?",
    "learn.prepare.body": (
        "MNIST 숫자는 모두 같은 방법으로 다듬어졌어요. 스캔한 숫자를 모양은 그대로 둔 채 긴 쪽이 20픽셀 "
        "안에 들어가도록 줄였고(그래서 가장자리가 부드러운 회색이에요), 28 × 28 정사각형에 넣은 뒤, 잉크의 "
        "무게중심이 한가운데 오도록 옮겼어요. 그래서 훈련용 숫자는 크기와 위치가 거의 같고, 둘레에 4픽셀쯤 "
        "여백이 있어요.\n\n"
        "완전 연결 신경망은 '같은 모양이 다른 자리에 있다'는 것을 알아채지 못해요. 784개의 입력 하나하나가 "
        "정해진 픽셀 자리 하나이기 때문이에요. 숫자를 작게 그리거나 구석에 그리면 훈련 때 거의 늘 비어 있던 "
        "픽셀에 잉크가 생기고, 신경망은 엉뚱하게 읽어요. 그림을 MNIST와 똑같이 다듬으면 신경망이 배운 것과 "
        "같은 종류의 그림을 보여 줄 수 있어요."
    ),
    # Mistakes page
    "mistakes.title": "신경망이 틀린 문제",
    "mistakes.intro": (
        "신경망은 가장 높은 확률을 준 클래스를 답으로 내요. 여기 있는 것은 그 답이 레이블(정답)과 달랐던 "
        "테스트 이미지예요."
    ),
    "mistakes.no_runs": "아직 학습된 {dataset} 모델이 없어서 보여 줄 오답이 없어요.",
    "mistakes.go_train": "모델 학습하기",
    "mistakes.run": "모델",
    "mistakes.computing": "이 모델로 테스트 이미지를 모두 읽는 중이에요(모델마다 한 번만 해요)…",
    "mistakes.cannot_read": "이 모델의 오답을 보여 줄 수 없어요.",
    "mistakes.headline": "테스트 이미지 {total:,}장 중 {wrong:,}장 틀림 (정확도 {right})",
    "mistakes.filter.true": "레이블 (정답)",
    "mistakes.filter.predicted": "예측 (신경망의 답)",
    "mistakes.any": "전체",
    "mistakes.shuffle": "다시 섞기",
    "mistakes.showing": "오답 {matching:,}개 중 {shown}개를 보여 줘요.",
    "mistakes.showing_filtered": "오답 {matching:,}개 중 {shown}개를 보여 줘요 (레이블: {label}, 예측: {predict}).",
    "mistakes.none_match": "이런 오답은 없어요.",
    "mistakes.caption": "{mark} 레이블: {label} · 예측: {predict} · {confidence}",
    "mistakes.matrix.title": "혼동 행렬 (confusion matrix)",
    "mistakes.matrix.help": (
        "행: 레이블(정답). 열: 신경망의 답. ✓ 표시는 맞힌 개수이고, 나머지 숫자는 모두 틀린 개수예요. 칸을 "
        "고르면 그 이미지들을 볼 수 있어요."
    ),
    "mistakes.matrix.axes": "레이블 ↓ · 답 →",
    "learn.argmax.title": "답을 고르는 방법: axis 1 방향의 argmax",
    "learn.argmax.body": (
        "테스트 이미지 10,000장을 넣으면 신경망은 확률 표를 돌려줘요. 행은 10,000개(이미지마다 하나), 열은 "
        "10개(클래스마다 하나)예요. `np.argmax(predictions, axis=1)`은 **행**을 하나씩 가로로 훑어서 가장 큰 "
        "값이 있는 열 번호를 알려 줘요. 신경망이 그 이미지에 대해 가장 그럴듯하다고 본 클래스예요. 7번 열이 "
        "0.90이고 나머지는 작은 행이라면 답은 7이에요.\n\n"
        "`axis=0`으로 하면 반대로 **열**을 세로로 훑어서, 클래스마다 어느 이미지가 가장 높은 점수를 받았는지 "
        "알려 줘요. 전혀 다른 질문이에요. 이렇게 얻은 답 10,000개를 레이블과 비교하면 이 페이지의 오답이 "
        "나와요."
    ),
    "learn.ambiguous.title": "사람이 봐도 헷갈리는 이미지가 있는 이유",
    "learn.ambiguous.body": (
        "신경망을 탓하기 전에 오답 몇 개를 직접 보세요. 급하게 쓴 숫자가 꽤 많아요. 위쪽이 닫힌 4는 9처럼, "
        "가로줄이 없는 7은 1처럼 보이고, 3과 5는 한 획 차이예요. 레이블이 틀렸다고 볼 만한 것도 몇 개 "
        "있어요. 28 × 28 회색 픽셀로 된 옷은 더 어려워요. 셔츠, 티셔츠, 풀오버, 코트는 윤곽이 거의 같을 때가 "
        "있어요.\n\n"
        "튜토리얼의 신경망은 숫자 10,000개 중 196개(정확도 98.04%), 옷 10,000개 중 1,104개(정확도 88.96%)를 "
        "틀렸어요. 학생들에게 물어보세요. 여러분이라면 이 중 몇 개를 맞혔을까요?"
    ),
    "learn.matrix.title": "혼동 행렬 읽는 법",
    "learn.matrix.body": (
        "**행**은 실제 레이블이고 **열**은 신경망이 낸 답이에요. 둘이 만나는 칸의 숫자는 그 레이블인데 그 "
        "답을 받은 테스트 이미지의 개수예요. ✓ 표시가 있는 대각선은 맞힌 개수이고, 나머지 숫자는 저마다 "
        "한 종류의 실수예요. 대각선 밖의 큰 숫자를 찾아보세요. 4행 9열은 4를 9로 읽은 개수예요. 한 행을 "
        "모두 더하면 그 레이블의 테스트 이미지 수(약 1,000개)가 돼요. 칸을 고르면 아래에서 그 이미지들을 볼 "
        "수 있어요."
    ),
}
